package io.tidings.delivery.web;

import java.util.List;

import io.tidings.delivery.FeedbackLoop;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a mailbox provider's feedback loop (or the relay that receives its mail) posts
 * spam complaints as ARF reports (RFC 5965). A report about no mail of ours is still
 * accepted, with {@code matched: false}: a reporter that got an error would retry it for
 * ever, and it can never match. A body that is no such report is a 400 problem.
 */
@RestController
class FeedbackLoopController {

	private static final List<MediaType> REPORT_TYPES = List.of(MediaType.valueOf("message/rfc822"),
			MediaType.valueOf("multipart/report"), MediaType.TEXT_PLAIN);

	private final FeedbackLoop feedbackLoop;

	FeedbackLoopController(FeedbackLoop feedbackLoop) {
		this.feedbackLoop = feedbackLoop;
	}

	/** Any content type reaches this method, so a wrong one gets a problem saying so. */
	@PostMapping("/api/feedback-loop")
	ResponseEntity<?> receive(@RequestBody(required = false) byte[] report,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
		if (!isReportType(contentType)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Send the report as received with Content-Type message/rfc822 (or text/plain), or its body "
							+ "with its own multipart/report type; got "
							+ (contentType == null ? "none" : contentType));
			problem.setTitle("Not a feedback report type");
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(feedbackLoop.receive(report, contentType));
	}

	private static boolean isReportType(String contentType) {
		try {
			MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
			return type != null && REPORT_TYPES.stream().anyMatch(accepted -> accepted.includes(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
