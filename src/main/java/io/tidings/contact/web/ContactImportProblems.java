package io.tidings.contact.web;

import io.tidings.contact.ContactImport;
import io.tidings.contact.ImportRefused;
import io.tidings.contact.ImportStopped;
import io.tidings.contact.ImportTooLarge;
import io.tidings.contact.MalformedImport;
import io.tidings.contact.UnknownImport;
import io.tidings.contact.web.ImportMediaType.UnsupportedImportType;
import io.tidings.platform.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What can go wrong with an import file, as problem details. */
@RestControllerAdvice(assignableTypes = ContactImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContactImportProblems {

	@ExceptionHandler(UnsupportedImportType.class)
	ResponseEntity<ProblemDetail> unsupportedType(UnsupportedImportType ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage());
		problem.setTitle("Unsupported import file type");
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
	}

	@ExceptionHandler(MalformedImport.class)
	ResponseEntity<ProblemDetail> malformed(MalformedImport ex) {
		return ResponseEntity.badRequest()
			.body(Problems.badRequest("Malformed import file", ex.getMessage() + ". Nothing was imported."));
	}

	@ExceptionHandler(ImportStopped.class)
	ResponseEntity<ProblemDetail> stopped(ImportStopped ex) {
		ContactImport partial = ex.partial();
		ProblemDetail problem = Problems.badRequest("Import stopped", ex.getMessage()
				+ ". The rows before it were imported (%d created, %d updated, %d rejected); fix the file and import it again: rows already imported are updated, not duplicated."
					.formatted(partial.created(), partial.updated(), partial.rejected()));
		problem.setProperty("importId", partial.id());
		problem.setProperty("rows", partial.rows());
		problem.setProperty("created", partial.created());
		problem.setProperty("updated", partial.updated());
		problem.setProperty("rejected", partial.rejected());
		problem.setProperty("rejectedRowsUrl", ContactImportController.ImportView.rejectedRowsUrl(partial.id()));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ImportTooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(Problems.bodyTooLarge(ex.getMessage() + ". Nothing was imported."));
	}

	@ExceptionHandler(ImportRefused.class)
	ResponseEntity<ProblemDetail> refused(ImportRefused ex) {
		String nothing = "Nothing was imported. Fix the file and send it again, or send it with ?badRows=skip to import the good rows and set the bad ones aside.";
		String detail;
		if (ex.failure() != null) {
			detail = ex.failure() + ". " + nothing;
		}
		else {
			detail = (ex.badRows() == 1 ? "1 row of the file is bad" : ex.badRows() + " rows of the file are bad")
					+ (ex.badRows() > ex.listed().size() ? " (the first " + ex.listed().size() + " are listed)" : "")
					+ ". " + nothing;
		}
		ProblemDetail problem = Problems.badRequest("Import refused", detail);
		problem.setProperty("badRows", ex.badRows());
		problem.setProperty("errors",
				ex.listed()
					.stream()
					.map(bad -> new BadRow(bad.row(), bad.line(), bad.contactId(), bad.column(), bad.reason()))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	/** A bad row as the problem lists it: where it is, and what is wrong with it. */
	record BadRow(long row, long line, String id, String column, String reason) {
	}

	@ExceptionHandler(UnknownImport.class)
	ResponseEntity<ProblemDetail> unknown(UnknownImport ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFound("Unknown import", ex.getMessage()));
	}

}
