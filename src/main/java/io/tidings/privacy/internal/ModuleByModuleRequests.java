package io.tidings.privacy.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.contact.ErasedAddresses;
import io.tidings.contact.UnknownContact;
import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;
import io.tidings.privacy.Erasure;
import io.tidings.privacy.PersonalDataExport;
import io.tidings.privacy.PersonalDataRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks every module's {@link PersonalData} in turn (Spring orders them: the contact's own
 * row first, which locks out events for the contact while the erasure runs). An erasure
 * is one transaction, the engine's deletions included (it joins Spring's transaction), so
 * a failure anywhere leaves everything as it was. The logs name no contact.
 */
@Service
class ModuleByModuleRequests implements PersonalDataRequests {

	private static final Logger log = LoggerFactory.getLogger(ModuleByModuleRequests.class);

	private static final int ATTEMPTS = 5;

	private final List<PersonalData> modules;

	private final Contacts contacts;

	private final ErasedAddresses erasedAddresses;

	private final TransactionTemplate writing;

	private final TransactionTemplate reading;

	private final Clock clock;

	ModuleByModuleRequests(List<PersonalData> modules, Contacts contacts, ErasedAddresses erasedAddresses,
			PlatformTransactionManager transactions, Clock clock) {
		this.modules = modules;
		this.contacts = contacts;
		this.erasedAddresses = erasedAddresses;
		this.writing = new TransactionTemplate(transactions);
		// One snapshot for the whole export on PostgreSQL, so its sections agree.
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.clock = clock;
	}

	@Override
	public PersonalDataExport export(String contactId) {
		return reading.execute(status -> {
			DataSubject subject = subject(contactId);
			Map<String, Object> sections = new LinkedHashMap<>();
			modules.forEach(module -> sections.put(module.section(), module.export(subject)));
			return new PersonalDataExport(contactId, clock.instant(), sections);
		});
	}

	@Override
	public Erasure erase(String contactId) {
		long start = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				int attempts = attempt;
				Erasure erasure = writing.execute(status -> eraseNow(contactId, attempts));
				log.info("Erased a contact's personal data from {} in {} ms ({} address hashes kept, {} attempts)",
						erasure.sections(), (System.nanoTime() - start) / 1_000_000, erasure.addressHashes(), attempts);
				return erasure;
			}
			catch (ConcurrencyFailureException ex) {
				// A journey of the contact moved, or an event for it came in, at the same
				// moment: everything rolled back, so the whole erasure can run again.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private Erasure eraseNow(String contactId, int attempt) {
		DataSubject subject = subject(contactId);
		modules.forEach(module -> module.erase(subject));
		subject.emails().forEach(erasedAddresses::remember);
		return new Erasure(modules.stream().map(PersonalData::section).toList(), subject.emails().size(), attempt);
	}

	/** The contact, with every address any module has seen for it. */
	private DataSubject subject(String contactId) {
		Contact contact = contacts.find(contactId).orElseThrow(() -> new UnknownContact(contactId));
		Set<String> emails = new TreeSet<>();
		emails.add(normalised(contact.email()));
		modules.forEach(module -> module.addressesOf(contactId)
			.stream()
			.map(ModuleByModuleRequests::normalised)
			.forEach(emails::add));
		return new DataSubject(contactId, emails);
	}

	private static String normalised(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
