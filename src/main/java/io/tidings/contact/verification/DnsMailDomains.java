package io.tidings.contact.verification;

import java.net.SocketTimeoutException;
import java.util.Hashtable;

import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Asks DNS whether a domain takes mail, through the JDK's JNDI DNS provider: MX first,
 * then A and AAAA when there is no MX. Each type is asked on its own, since asking for
 * several at once makes the provider send an ANY query, which resolvers answer poorly
 * (RFC 8482). A JNDI DNS context is not safe for concurrent use, so each lookup opens its
 * own.
 */
class DnsMailDomains {

	private final Hashtable<String, String> environment = new Hashtable<>();

	DnsMailDomains(AddressVerificationProperties properties) {
		environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
		environment.put(Context.PROVIDER_URL, properties.providerUrl());
		environment.put("com.sun.jndi.dns.timeout.initial",
				String.valueOf(Math.min(properties.timeout().toMillis(), Integer.MAX_VALUE)));
		// One try per server: each retry doubles the wait, stretching the time-out.
		environment.put("com.sun.jndi.dns.timeout.retries", "1");
	}

	/** What DNS says about the domain, given in its ASCII (punycode) form. */
	MailDomain lookup(String domain) throws DnsLookupFailed {
		DirContext context = null;
		try {
			context = new InitialDirContext(environment);
			Attribute mx = query(context, domain, "MX");
			if (mx != null) {
				return onlyNullMx(mx) ? MailDomain.NULL_MX : MailDomain.HAS_MX;
			}
			if (query(context, domain, "A") != null || query(context, domain, "AAAA") != null) {
				return MailDomain.HAS_ADDRESS_ONLY;
			}
			return MailDomain.NO_MAIL_HOST;
		}
		catch (NameNotFoundException ex) {
			return MailDomain.DOES_NOT_EXIST;
		}
		catch (CommunicationException ex) {
			boolean timedOut = ex.getRootCause() == null || ex.getRootCause() instanceof SocketTimeoutException;
			throw new DnsLookupFailed(timedOut ? "DNS lookup timed out" : "DNS server unreachable", ex);
		}
		catch (ServiceUnavailableException ex) {
			throw new DnsLookupFailed("DNS server failure for " + domain, ex);
		}
		catch (NamingException ex) {
			throw new DnsLookupFailed("DNS lookup failed for " + domain, ex);
		}
		finally {
			close(context);
		}
	}

	private static Attribute query(DirContext context, String domain, String type) throws NamingException {
		Attribute records = context.getAttributes(domain, new String[] { type }).get(type);
		return (records == null || records.size() == 0) ? null : records;
	}

	private static boolean onlyNullMx(Attribute mx) throws NamingException {
		NamingEnumeration<?> records = mx.getAll();
		while (records.hasMore()) {
			// "preference exchange", e.g. "10 mx.example.org." or "0 ."
			String[] parts = String.valueOf(records.next()).trim().split("\\s+");
			if (parts.length < 2 || !parts[1].equals(".")) {
				return false;
			}
		}
		return true;
	}

	private static void close(DirContext context) {
		if (context != null) {
			try {
				context.close();
			}
			catch (NamingException ex) {
				// nothing held open that matters
			}
		}
	}

}
