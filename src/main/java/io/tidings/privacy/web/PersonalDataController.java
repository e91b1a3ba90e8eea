package io.tidings.privacy.web;

import io.tidings.privacy.PersonalDataExport;
import io.tidings.privacy.PersonalDataRequests;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contact's GDPR requests over HTTP: {@code GET /api/contacts/{id}/export} hands over
 * everything held about the contact as a JSON file; {@code DELETE /api/contacts/{id}}
 * erases it. An unknown contact is a 404 problem (so is a second erasure).
 */
@RestController
class PersonalDataController {

	private final PersonalDataRequests requests;

	PersonalDataController(PersonalDataRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/api/contacts/{id}/export")
	ResponseEntity<PersonalDataExport> export(@PathVariable String id) {
		PersonalDataExport export = requests.export(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName(id)).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(export);
	}

	@DeleteMapping("/api/contacts/{id}")
	ResponseEntity<Void> erase(@PathVariable String id) {
		requests.erase(id);
		return ResponseEntity.noContent().build();
	}

	/** The id as far as it is safe in a file name on any system. */
	static String fileName(String contactId) {
		String safe = contactId.replaceAll("[^A-Za-z0-9._-]", "_");
		return "contact-" + (safe.length() > 100 ? safe.substring(0, 100) : safe) + "-personal-data.json";
	}

}
