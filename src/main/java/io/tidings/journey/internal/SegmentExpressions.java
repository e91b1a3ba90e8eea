package io.tidings.journey.internal;

import io.tidings.contact.Segments;
import io.tidings.contact.UnknownSegment;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * Lets a gateway ask whether the journey's contact is in a segment, as of the moment it
 * asks: {@code ${segments.contains(execution, 'vip')}}.
 */
@Component("segments")
public class SegmentExpressions {

	private final Segments segments;

	SegmentExpressions(Segments segments) {
		this.segments = segments;
	}

	/**
	 * @throws IllegalStateException when no segment has the key, or the journey has no
	 * contact: a mistake in the diagram or a deleted segment, which must show as an
	 * incident in Cockpit rather than quietly take the "not in segment" path
	 */
	public boolean contains(DelegateExecution execution, String segmentKey) {
		String contactId = execution.getProcessBusinessKey();
		if (contactId == null) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "' asks about segment '"
					+ segmentKey + "', but the journey has no business key, so no contact to ask about");
		}
		try {
			return segments.contains(contactId, segmentKey);
		}
		catch (UnknownSegment ex) {
			throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "' asks about segment '"
					+ segmentKey + "', which does not exist; create it (POST /api/segments) or fix the diagram,"
					+ " then retry", ex);
		}
	}

}
