package io.tidings.journey.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tidings.consent.Topics;
import io.tidings.contact.Segments;
import io.tidings.delivery.SendSchedule;
import io.tidings.journey.JourneyProperties;
import io.tidings.sendtime.SendTimes;
import io.tidings.template.EmailTemplates;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A second process engine, in memory, that only simulations use: its own H2 database, no
 * job executor (the simulation runs the jobs itself, in the order of its moved clock), no
 * history. Journeys see simulated steps under the real beans' names; the steps that only
 * compute (coupon codes, the cart's discount code, order progress) are the real ones.
 */
@Component
class SimulationEngine implements DisposableBean {

	/** Beans whose methods only compute from the execution, safe to run as they are. */
	static final List<String> PURE_BEANS = List.of("coupons", "cartDiscounts", "orderProgress");

	private final ApplicationContext context;

	private ProcessEngine engine;

	SimulationEngine(ApplicationContext context) {
		this.context = context;
	}

	synchronized ProcessEngine engine() {
		if (engine == null) {
			StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
			configuration.setProcessEngineName("tidings-simulation");
			// An in-memory database is global to the JVM by name: each application (tests
			// start
			// several in one JVM) gets its own, or the second one finds the first one's
			// tables.
			configuration.setJdbcUrl("jdbc:h2:mem:tidings-simulation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
			configuration.setJobExecutorActivate(false);
			configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
			configuration.setMetricsEnabled(false);
			configuration.setDefaultSerializationFormat("application/json");
			configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
			configuration.setCustomPreBPMNParseListeners(List.of(new SimulationTimeline()));
			configuration.setBeans(beans());
			engine = configuration.buildProcessEngine();
		}
		return engine;
	}

	private Map<Object, Object> beans() {
		Map<Object, Object> beans = new HashMap<>();
		beans.put("sendEmail", new SimulatedSend(context.getBean(EmailTemplates.class), context.getBean(Topics.class),
				context.getBean(SendSchedule.class)));
		beans.put("contacts", new SimulatedSteps.ContactAttributes());
		beans.put("segments", new SimulatedSteps.SegmentMembership(context.getBean(Segments.class)));
		beans.put("optIn", new SimulatedSteps.OptIn());
		beans.put("sunset", new SimulatedSteps.Sunset());
		beans.put("webhook", new SimulatedSteps.Webhook());
		beans.put("goalReached", new SimulatedSteps.Goal());
		beans.put("split", new SimulatedSteps.Split());
		beans.put("localTime", new SimulatedSteps.LocalTimeOfContact(
				context.getBean(JourneyProperties.class).localTime().defaultZone()));
		beans.put("sendTime", new SimulatedSteps.BestSendTime(context.getBean(SendTimes.class)));
		for (String name : PURE_BEANS) {
			if (context.containsBean(name)) {
				beans.put(name, context.getBean(name));
			}
		}
		return beans;
	}

	@Override
	public synchronized void destroy() {
		if (engine != null) {
			engine.close();
		}
	}

}
