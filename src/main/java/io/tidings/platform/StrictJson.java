package io.tidings.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A number or boolean where text is expected is a caller's mistake, not something to
 * convert quietly: {@code "email": 5} gets a 400 that says the field must be a string. So
 * are a member given twice (which value did the caller mean?), anything after the
 * document, and a NUL character in text (see {@link NoNulJsonFactory}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer noScalarToTextCoercion() {
		return builder -> builder.factory(new NoNulJsonFactory())
			.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.postConfigurer(mapper -> {
				var textual = mapper.coercionConfigFor(LogicalType.Textual);
				textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
				textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			});
	}

}
