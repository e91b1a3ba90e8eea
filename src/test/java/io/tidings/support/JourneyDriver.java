package io.tidings.support;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a journey by hand in a process test with the job executor off: fires the job
 * waiting at a step (a timer, or a send step's asynchronous start), lets queued mail go
 * out, moves the engine clock, and reads the mails a journey queued.
 */
public final class JourneyDriver {

	private final ManagementService management;

	private final JdbcTemplate jdbc;

	private final OutcomeSimulator smtp;

	public JourneyDriver(ManagementService management, JdbcTemplate jdbc, OutcomeSimulator smtp) {
		this.management = management;
		this.jdbc = jdbc;
		this.smtp = smtp;
	}

	/** The one job of the journey waiting at the step. */
	public Job jobAt(String instanceId, String activityId) {
		List<Job> jobs = management.createJobQuery().processInstanceId(instanceId).activityId(activityId).list();
		assertThat(jobs).as("jobs at %s", activityId).hasSize(1);
		return jobs.get(0);
	}

	/** Runs the job waiting at the step: a timer fires, a send step queues its mail. */
	public void run(String instanceId, String activityId) {
		management.executeJob(jobAt(instanceId, activityId).getId());
	}

	/** Runs the send step's job and its mail goes out; the journey hears so. */
	public void send(String instanceId, String activityId) {
		run(instanceId, activityId);
		assertThat(smtp.sendAll(instanceId)).as("mails queued by %s", activityId).hasSize(1);
	}

	/**
	 * The journey's mails in the order they were queued: template_key, subject,
	 * html_body, text_body, status.
	 */
	public List<Map<String, Object>> mails(String instanceId) {
		return jdbc.queryForList("""
				SELECT template_key, subject, html_body, text_body, status FROM deliveries
				WHERE journey_instance_id = ? ORDER BY created_at, step_id""", instanceId);
	}

	/** The latest mail the journey queued. */
	public Map<String, Object> lastMail(String instanceId) {
		List<Map<String, Object>> mails = mails(instanceId);
		assertThat(mails).as("mails of %s", instanceId).isNotEmpty();
		return mails.get(mails.size() - 1);
	}

	public static void moveClock(Duration by) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
	}

}
