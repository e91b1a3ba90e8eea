package io.tidings.journey;

import java.util.List;
import java.util.Optional;

/**
 * Moves contacts inside a journey from older versions of its diagram to a newer one.
 * Steps that keep their id (and kind, and place) in the new version are mapped to
 * themselves; a contact waiting in a step the new version no longer has cannot move and
 * stays on its version.
 */
public interface JourneyMigrations {

	/**
	 * What a migration would do, changing nothing.
	 * @param fromVersion the one version to move from, or null for every older one
	 * @param toVersion the version to move to, or null for the latest
	 * @throws UnknownJourney when no journey has the key
	 * @throws UnknownJourneyVersion when a version is not deployed
	 * @throws io.tidings.platform.InvalidInput when fromVersion is not older than
	 * toVersion
	 */
	MigrationPlan plan(String journeyKey, Integer fromVersion, Integer toVersion);

	/**
	 * Starts moving the instances that can move, one engine batch per source version; the
	 * others stay where they are.
	 * @throws NothingToMigrate when no instance could move
	 */
	MigrationPlan migrate(String journeyKey, Integer fromVersion, Integer toVersion);

	/** How far one of the journey's migration batches got. */
	Optional<MigrationProgress> progress(String journeyKey, String batchId);

	/** The journey's latest migration batches, newest first. */
	List<MigrationProgress> recent(String journeyKey);

}
