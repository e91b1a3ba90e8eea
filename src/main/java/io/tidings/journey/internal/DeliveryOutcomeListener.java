package io.tidings.journey.internal;

import java.util.Map;

import io.tidings.delivery.DeliveryOutcome;
import io.tidings.delivery.DeliveryRequeued;
import io.tidings.delivery.DeliveryStatus;
import io.tidings.delivery.SendingStep;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the waiting send step how its mail went, in the reporter's transaction. A bounce
 * is also correlated as the BPMN message {@code EmailBounced} to the journey instance, so
 * a diagram can branch or end on it; a delivery that failed for good becomes an incident
 * on the step, which Cockpit's "Retry" (or {@code POST /api/deliveries/{id}/retry})
 * resolves by sending the mail again.
 */
@Component
class DeliveryOutcomeListener {

	static final String EMAIL_BOUNCED = "EmailBounced";

	private final RuntimeService runtime;

	private final ProcessEngineConfigurationImpl engine;

	DeliveryOutcomeListener(RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
		this.runtime = runtime;
		this.engine = engine;
	}

	@EventListener
	void on(DeliveryOutcome outcome) {
		SendingStep step = outcome.step();
		if (step.executionId() == null) {
			return;
		}
		if (outcome.status() == DeliveryStatus.BOUNCED) {
			runtime.createMessageCorrelation(EMAIL_BOUNCED)
				.processInstanceId(step.instanceId())
				.setVariables(Map.of("bouncedDeliveryId", outcome.deliveryId(), "bouncedStep", step.stepId(),
						"bounceReason", String.valueOf(outcome.detail())))
				.correlateAllWithResult();
		}
		if (!execute(new WaitingSendStep(step))) {
			return;
		}
		if (outcome.status() == DeliveryStatus.FAILED) {
			execute(new RaiseDeliveryIncident(step, outcome.deliveryId(), outcome.detail()));
		}
		else {
			runtime.signal(step.executionId(), null, null,
					Map.of("lastDeliveryId", outcome.deliveryId(), "lastDeliveryStatus", outcome.status().name()));
		}
	}

	@EventListener
	void on(DeliveryRequeued requeued) {
		if (requeued.step().executionId() != null) {
			execute(new ClearDeliveryIncident(requeued.step(), requeued.deliveryId()));
		}
	}

	private <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
		return engine.getCommandExecutorTxRequired().execute(command);
	}

}
