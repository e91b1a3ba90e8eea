package io.tidings.delivery.internal;

import jakarta.mail.util.StreamProvider;

/**
 * Names Jakarta Mail's stream provider once, as a system property. Without it every new
 * body part (three per mail) asks the {@link java.util.ServiceLoader}, which in the
 * packaged jar walks the nested jars' entries: about a third of a delivery worker's CPU
 * in the benchmark's profile. With the property set, Jakarta Mail loads the named class
 * instead.
 */
final class MailStreamProviders {

	static final String PROPERTY = StreamProvider.class.getName();

	static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private MailStreamProviders() {
	}

	/**
	 * Sets the property to Angus Mail's provider unless it is set already or Angus Mail
	 * is not there.
	 * @return the provider the property names now, or null when it names none
	 */
	static synchronized String pin() {
		String configured = System.getProperty(PROPERTY);
		if (configured != null) {
			return configured;
		}
		try {
			Class.forName(ANGUS, false, MailStreamProviders.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
		System.setProperty(PROPERTY, ANGUS);
		return ANGUS;
	}

}
