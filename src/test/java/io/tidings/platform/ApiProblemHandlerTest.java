package io.tidings.platform;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety net behind the input checks: PostgreSQL's refusal of text it cannot store
 * (NUL), however deeply wrapped, is the caller's 400, not our 500.
 */
class ApiProblemHandlerTest {

	final ApiProblemHandler handler = new ApiProblemHandler();

	@Test
	void textTheDatabaseCannotStoreIsABadRequest() {
		SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
		ResponseEntity<ProblemDetail> direct = handler
			.unexpected(new DataIntegrityViolationException("insert failed", nul));
		assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(direct.getBody().getDetail()).contains("NUL").contains("nothing was stored");

		// The JDBC driver reports a batch's failure as the next exception of the batch's.
		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 failed", "P0001", new int[0]);
		batch.setNextException(nul);
		assertThat(handler.unexpected(new RuntimeException("persistence", batch)).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void otherDatabaseFailuresStayServerErrorsThatRevealNothing() {
		ResponseEntity<ProblemDetail> failure = handler.unexpected(
				new DataIntegrityViolationException("insert failed", new SQLException("connection refused", "08001")));
		assertThat(failure.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(failure.getBody().getDetail()).doesNotContain("connection refused").contains("Reference");
	}

}
