package io.tidings.journey;

/** A migration was asked for, but no running instance could move. */
public class NothingToMigrate extends RuntimeException {

	private final transient MigrationPlan plan;

	public NothingToMigrate(MigrationPlan plan) {
		super(plan.instances() == 0
				? "No contact of journey '" + plan.journeyKey() + "' runs on an older version than " + plan.toVersion()
				: "None of the " + plan.instances() + " instances of journey '" + plan.journeyKey()
						+ "' on older versions can move to version " + plan.toVersion()
						+ ": each waits in a step that version lacks");
		this.plan = plan;
	}

	public MigrationPlan plan() {
		return plan;
	}

}
