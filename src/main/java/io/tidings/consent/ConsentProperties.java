package io.tidings.consent;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where recipients reach Tidings: unsubscribe links start with it
 * @param tokenKey the secret unsubscribe links are signed with; empty means a random key
 * made on first start and kept in the database, the same for every node
 */
@Validated
@ConfigurationProperties("tidings.consent")
public record ConsentProperties(@NotBlank String publicUrl, String tokenKey) {

	public String unsubscribeUrl(String token) {
		return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + "/u/" + token;
	}

}
