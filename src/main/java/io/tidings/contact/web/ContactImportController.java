package io.tidings.contact.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;

import io.tidings.contact.ContactImport;
import io.tidings.contact.ContactImports;
import io.tidings.contact.UnknownImport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/contacts/import}: a CSV file of contacts, read as it arrives. Answers
 * with the counts once the whole file is in; the rows it set aside can be downloaded as
 * CSV.
 */
@RestController
@RequestMapping("/api/contacts")
class ContactImportController {

	private final ContactImports imports;

	private final Clock clock;

	ContactImportController(ContactImports imports, Clock clock) {
		this.imports = imports;
		this.clock = clock;
	}

	@PostMapping("/import")
	ResponseEntity<ImportView> importCsv(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type,
			InputStream body, Principal principal) {
		ImportMediaType.check(type);
		ContactImport done = imports.run(body, principal == null ? null : principal.getName());
		ImportView view = ImportView.of(done, clock.instant());
		return ResponseEntity.created(URI.create("/api/contacts/imports/" + done.id())).body(view);
	}

	@GetMapping("/imports/{importId}")
	ImportView summary(@PathVariable String importId) {
		return ImportView.of(find(importId), clock.instant());
	}

	@GetMapping("/imports/{importId}/rejected")
	void rejected(@PathVariable String importId, HttpServletResponse response) throws IOException {
		find(importId);
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"contact-import-" + importId + "-rejected.csv\"");
		PrintWriter out = response.getWriter();
		RejectedRowsCsv csv = new RejectedRowsCsv(out);
		imports.forEachRejection(importId, csv::write);
		out.flush();
	}

	private ContactImport find(String importId) {
		return imports.find(importId).orElseThrow(() -> new UnknownImport(importId));
	}

	/** An import as the API shows it; seconds so far while it runs. */
	record ImportView(String importId, String status, long rows, long created, long updated, long rejected,
			double seconds, String rejectedRowsUrl, String startedBy, Instant startedAt, Instant finishedAt,
			String failure) {

		static ImportView of(ContactImport done, Instant now) {
			return new ImportView(done.id(), done.status(), done.rows(), done.created(), done.updated(),
					done.rejected(), done.seconds(now), rejectedRowsUrl(done.id()), done.startedBy(), done.startedAt(),
					done.finishedAt(), done.failure());
		}

		static String rejectedRowsUrl(String importId) {
			return "/api/contacts/imports/" + importId + "/rejected";
		}

	}

}
