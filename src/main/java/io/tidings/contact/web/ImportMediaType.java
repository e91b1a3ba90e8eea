package io.tidings.contact.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The content types an import file may come as: CSV, or bytes, in UTF-8 either way. */
final class ImportMediaType {

	static final List<MediaType> ACCEPTED = List.of(MediaType.parseMediaType("text/csv"),
			MediaType.APPLICATION_OCTET_STREAM);

	private ImportMediaType() {
	}

	/**
	 * @throws UnsupportedImportType unless the type is one of {@link #ACCEPTED} in UTF-8
	 */
	static void check(String contentType) {
		if (contentType == null) {
			throw new UnsupportedImportType("The request has no Content-Type; send the file as text/csv");
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw new UnsupportedImportType("Content-Type '" + contentType + "' cannot be read; send text/csv");
		}
		if (ACCEPTED.stream().noneMatch(accepted -> accepted.equalsTypeAndSubtype(type))) {
			throw new UnsupportedImportType("Content-Type '" + contentType
					+ "' is not an import file; send the file as text/csv (or application/octet-stream)");
		}
		String charset = type.getParameter("charset");
		if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(charset.replace("\"", ""))) {
			throw new UnsupportedImportType(
					"The file must be UTF-8, not " + charset + "; save it as CSV in UTF-8 and send text/csv");
		}
	}

	static class UnsupportedImportType extends RuntimeException {

		UnsupportedImportType(String message) {
			super(message);
		}

	}

}
