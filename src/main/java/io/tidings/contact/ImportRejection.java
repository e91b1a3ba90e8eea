package io.tidings.contact;

/**
 * A row an import left out, and why.
 *
 * @param row the row's number in the file as a spreadsheet shows it: the header is row 1
 * @param line the line of the file the row starts on (a quoted cell may span lines)
 * @param contactId the row's id cell, if it had one
 * @param column the columns at fault, as the header names them; empty when the row as a
 * whole is at fault
 */
public record ImportRejection(long row, long line, String contactId, String column, String reason) {
}
