package io.tidings.broadcast;

import java.util.List;
import java.util.Optional;

/**
 * Starting a journey for a whole segment. Broadcast journeys begin at a message start
 * event named {@value #START_MESSAGE} or, since Camunda allows a message start name in
 * one process only, {@value #START_MESSAGE}.<name>.
 */
public interface Broadcasts {

	String START_MESSAGE = "BroadcastStarted";

	/**
	 * @throws io.tidings.platform.InvalidInput when the journey or segment does not
	 * exist, the journey has no {@value #START_MESSAGE} start, or the rate is out of
	 * range
	 */
	Broadcast create(String journey, String segment, int perSecond);

	Optional<Broadcast> find(String id);

	List<Broadcast> recent(int limit);

}
