package io.tidings.journey.internal;

import io.tidings.delivery.Deliveries;
import io.tidings.delivery.DeliveryNotRetryable;
import io.tidings.delivery.UnknownDelivery;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import org.springframework.stereotype.Component;

/**
 * Runs when an operator retries a failed-delivery incident: puts the delivery back in the
 * queue. A delivery already retried another way is left alone.
 */
@Component
class RedeliveryJobHandler implements JobHandler<RedeliveryJobHandler.Target> {

	static final String TYPE = "tidings-redelivery";

	private final Deliveries deliveries;

	RedeliveryJobHandler(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(Target target, ExecutionEntity execution, CommandContext context, String tenantId) {
		try {
			deliveries.retry(target.deliveryId());
		}
		catch (DeliveryNotRetryable | UnknownDelivery alreadyHandled) {
			// Retried through the API in the meantime, or gone: nothing left to do.
		}
	}

	@Override
	public Target newConfiguration(String canonical) {
		return new Target(canonical);
	}

	@Override
	public void onDelete(Target target, JobEntity job) {
		// Nothing of ours hangs on the job.
	}

	record Target(String deliveryId) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return deliveryId;
		}

	}

}
