package io.tidings.template;

/**
 * A template that exists but cannot be rendered with the model it was given: a broken
 * expression, a variable the model lacks. Says which file and where, so the author (or
 * the Cockpit incident of a send step) can find the line.
 *
 * @see EmailTemplates#render
 */
public class TemplateRenderingFailed extends RuntimeException {

	private final String templateName;

	private final int line;

	private final int column;

	public TemplateRenderingFailed(String templateName, int line, int column, String reason, Throwable cause) {
		super("Email template '" + templateName + "' failed to render" + (line > 0 ? " at line " + line : "")
				+ (column > 0 ? ", column " + column : "") + ": " + reason, cause);
		this.templateName = templateName;
		this.line = line;
		this.column = column;
	}

	/**
	 * The file that failed, relative to the templates' location (e.g.
	 * {@code mail/welcome_nl}).
	 */
	public String templateName() {
		return templateName;
	}

	/** 1-based, or 0 when unknown. */
	public int line() {
		return line;
	}

	/** 1-based, or 0 when unknown. */
	public int column() {
		return column;
	}

}
