package io.tidings.journey.internal;

import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowOrderTest {

	@Test
	void followsTheFlowNotTheIdsOrTheDocument() {
		// Ids sort the other way round; the long branch joins after the short one.
		BpmnModelInstance model = Bpmn.createExecutableProcess("p")
			.startEvent("z_start")
			.serviceTask("y_first")
			.exclusiveGateway("x_split")
			.serviceTask("w_long1")
			.serviceTask("v_long2")
			.serviceTask("u_long3")
			.exclusiveGateway("t_join")
			.serviceTask("s_after")
			.endEvent("r_end")
			.moveToNode("x_split")
			.serviceTask("q_short")
			.connectTo("t_join")
			.done();

		assertThat(ids(FlowOrder.of(model))).containsExactly("z_start", "y_first", "x_split", "w_long1", "q_short",
				"v_long2", "u_long3", "t_join", "s_after", "r_end");
	}

	@Test
	void aLoopBackDoesNotMoveTheStepsItReturnsTo() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("p")
			.startEvent("start")
			.serviceTask("c_send")
			.exclusiveGateway("b_again")
			.serviceTask("a_after")
			.endEvent("end")
			.moveToNode("b_again")
			.connectTo("c_send")
			.done();

		assertThat(ids(FlowOrder.of(model))).containsExactly("start", "c_send", "b_again", "a_after", "end");
	}

	@Test
	void boundaryEventsFollowTheirActivityAndEventSubprocessesTheMainFlow() throws Exception {
		try (InputStream in = FlowOrderTest.class.getResourceAsStream("/bpmn/welcome.bpmn")) {
			List<String> tasks = FlowOrder.of(Bpmn.readModelFromStream(in))
				.stream()
				.filter(ServiceTask.class::isInstance)
				.map(FlowNode::getId)
				.toList();
			assertThat(tasks).containsExactly("SendWelcomeEmail", "SendTipsEmail", "SendStoriesEmail",
					"SendUpgradeOfferEmail", "SendCheckInEmail", "FirstPurchaseGoal");
		}
		try (InputStream in = FlowOrderTest.class.getResourceAsStream("/bpmn/welcome.bpmn")) {
			List<String> all = ids(FlowOrder.of(Bpmn.readModelFromStream(in)));
			assertThat(all.get(0)).isEqualTo("SignupReceived");
			assertThat(all.indexOf("OrderPlaced")).as("the event subprocess's start comes after the main flow")
				.isGreaterThan(all.indexOf("SendCheckInEmail"));
		}
		BpmnModelInstance model = Bpmn.createExecutableProcess("p")
			.startEvent("start")
			.serviceTask("wait")
			.boundaryEvent("timeout")
			.timerWithDuration("PT1H")
			.serviceTask("remind")
			.endEvent("reminded")
			.moveToActivity("wait")
			.serviceTask("thank")
			.endEvent("end")
			.done();
		List<String> order = ids(FlowOrder.of(model));
		assertThat(order.subList(0, 2)).containsExactly("start", "wait");
		assertThat(order.indexOf("timeout")).isGreaterThan(order.indexOf("wait"));
		assertThat(order.indexOf("remind")).isGreaterThan(order.indexOf("timeout"));
		assertThat(order).hasSize(7);
	}

	private static List<String> ids(List<FlowNode> nodes) {
		return nodes.stream().map(FlowNode::getId).toList();
	}

}
