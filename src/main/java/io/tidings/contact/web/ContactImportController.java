package io.tidings.contact.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tidings.contact.ContactImport;
import io.tidings.contact.ContactImports;
import io.tidings.contact.ImportConsent;
import io.tidings.contact.UnknownImport;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/contacts/import}: a CSV file of contacts. By default all of it or
 * nothing: a bad row refuses the file with every bad row listed. With
 * {@code badRows=skip} it is read as it arrives, the good rows are imported and the bad
 * ones set aside, to be downloaded as CSV. Answers with the counts once the whole file is
 * in.
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

	/**
	 * @param consentTopics topics every contact in the file agreed to (comma-separated),
	 * recorded with source IMPORT
	 * @param consentSource where they agreed; required with consentTopics
	 * @param badRows {@code reject} (the default): a file with a bad row imports nothing;
	 * {@code skip}: the good rows are imported and the bad ones set aside
	 */
	@PostMapping("/import")
	ResponseEntity<ImportView> importCsv(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type,
			@RequestParam(required = false) List<String> consentTopics,
			@RequestParam(required = false) String consentSource, @RequestParam(defaultValue = "reject") String badRows,
			InputStream body, Principal principal) {
		ImportMediaType.check(type);
		ImportConsent consent = consentOf(consentTopics, consentSource);
		String startedBy = principal == null ? null : principal.getName();
		ContactImport done = switch (badRows) {
			case "reject" -> imports.runWhole(body, startedBy, consent);
			case "skip" -> imports.run(body, startedBy, consent);
			default -> throw new InvalidInput(List.of(new FieldError("badRows",
					"must be reject (the default: a file with a bad row imports nothing) or skip (the good rows are imported, the bad ones set aside)")));
		};
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

	private static ImportConsent consentOf(List<String> topics, String source) {
		if (topics == null) {
			if (source != null) {
				throw new InvalidInput(List.of(new FieldError("consentTopics",
						"is required with consentSource: name the topics the contacts agreed to")));
			}
			return null;
		}
		return new ImportConsent(topics.stream().map(String::strip).filter(topic -> !topic.isEmpty()).toList(), source);
	}

	private ContactImport find(String importId) {
		return imports.find(importId).orElseThrow(() -> new UnknownImport(importId));
	}

	/**
	 * An import as the API shows it; seconds so far while it runs; consent only when the
	 * import vouched for one.
	 */
	record ImportView(String importId, String status, long rows, long created, long updated, long rejected,
			double seconds, String rejectedRowsUrl, String startedBy, Instant startedAt, Instant finishedAt,
			String failure, @JsonInclude(JsonInclude.Include.NON_NULL) ContactImport.Consent consent) {

		static ImportView of(ContactImport done, Instant now) {
			return new ImportView(done.id(), done.status(), done.rows(), done.created(), done.updated(),
					done.rejected(), done.seconds(now), rejectedRowsUrl(done.id()), done.startedBy(), done.startedAt(),
					done.finishedAt(), done.failure(), done.consent());
		}

		static String rejectedRowsUrl(String importId) {
			return "/api/contacts/imports/" + importId + "/rejected";
		}

	}

}
