package io.tidings.journey;

/** Small BPMN diagrams that tests deploy themselves. */
final class TestDiagrams {

	private TestDiagrams() {
	}

	/**
	 * A process with a start event {@code Start} and the given elements, one day of
	 * history.
	 */
	static String process(String key, String elements) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-%1$s"
				    targetNamespace="http://tidings.io/bpmn/test">
				  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
				    <bpmn:startEvent id="Start" />
				    %2$s
				  </bpmn:process>
				</bpmn:definitions>""".formatted(key, elements);
	}

}
