package io.tidings.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who sends the mail, as the footer of every mail shows it: CAN-SPAM wants a valid postal
 * address in each marketing mail. Templates see it as {@code sender.name} and
 * {@code sender.postalAddress}. The default profile has an obvious placeholder; the
 * postgres profile has none, so production does not start without a real address.
 *
 * @param name the sender's company name, shown before the address; may be empty
 * @param postalAddress the sender's postal address on one line
 */
@Validated
@ConfigurationProperties("tidings.sender")
public record SenderProperties(String name,
		@NotBlank(message = "must be set (TIDINGS_SENDER_POSTAL_ADDRESS): every marketing mail shows the sender's "
				+ "postal address") @Pattern(regexp = "(?s)(?!.*\\$\\{).*",
						message = "must be set (TIDINGS_SENDER_POSTAL_ADDRESS), not a reference to an unset "
								+ "variable") String postalAddress) {

	public SenderProperties {
		name = name == null || name.isBlank() ? null : name.strip();
		postalAddress = postalAddress == null ? null : postalAddress.strip();
	}

}
