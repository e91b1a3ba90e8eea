package io.tidings.contact.web;

import java.io.PrintWriter;

import io.tidings.contact.ImportRejection;

/**
 * Writes rejected rows as RFC 4180 CSV. A cell that a spreadsheet would take for a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}) gets a leading apostrophe, since
 * ids come from the uploaded file and the list is made to be opened in one.
 */
final class RejectedRowsCsv {

	private final PrintWriter out;

	RejectedRowsCsv(PrintWriter out) {
		this.out = out;
		out.print("row,line,id,column,reason\r\n");
	}

	void write(ImportRejection rejection) {
		out.print(rejection.row());
		out.print(',');
		out.print(rejection.line());
		out.print(',');
		out.print(cell(rejection.contactId()));
		out.print(',');
		out.print(cell(rejection.column()));
		out.print(',');
		out.print(cell(rejection.reason()));
		out.print("\r\n");
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
