package io.tidings.delivery.internal;

import io.tidings.delivery.FeedbackReceipt;

/**
 * Acts on a feedback-loop report, from the HTTP endpoint or the bounce mailbox. The same
 * report may come twice (a reporter that retries, a mailbox read again after a crash):
 * the second time changes nothing. A failure is thrown, and the mailbox poller then
 * leaves the report unseen for its next poll.
 */
interface ComplaintHandler {

	FeedbackReceipt recordComplaint(FeedbackReport report);

}
