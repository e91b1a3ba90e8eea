package io.tidings.support;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

public final class BoundProperties {

	private BoundProperties() {
	}

	/**
	 * Binds settings the way the application does, so a test names only the ones it cares
	 * about and does not break when a record gains a component.
	 */
	public static <T> T bind(Class<T> type, String prefix, Map<String, String> values) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		values.forEach((key, value) -> source.put(prefix + "." + key, value));
		return new Binder(source).bindOrCreate(prefix, type);
	}

}
