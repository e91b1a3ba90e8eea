package io.tidings.template;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param location where {@code mail/} and {@code layouts/} live: the packaged
 * {@code templates/} by default, or {@code file:./templates/} to edit templates without a
 * rebuild
 * @param defaultLocale the locale of {@code <key>.html} files, used when a contact has
 * none
 * @param cache keep parsed templates; switch off while editing templates
 */
@Validated
@ConfigurationProperties("tidings.templates")
public record TemplateProperties(@NotBlank String location, @NotNull Locale defaultLocale, boolean cache) {
}
