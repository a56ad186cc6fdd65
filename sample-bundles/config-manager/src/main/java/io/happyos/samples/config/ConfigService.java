package io.happyos.samples.config;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * String settings by key, shared by every HappyOS skill. Published as an OSGi service by the
 * config-manager bundle; safe to call from any thread.
 */
@ProviderType
public interface ConfigService {

    /**
     * The value of a setting.
     *
     * @param key the key, not null
     * @return the value, or empty when the key is not set
     */
    Optional<String> get(String key);

    /**
     * The value of a setting, or a default.
     *
     * @param key the key, not null
     * @param defaultValue returned when the key is not set
     * @return the value or {@code defaultValue}
     */
    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * Sets a setting, replacing any earlier value.
     *
     * @param key the key, not null
     * @param value the value, not null
     */
    void set(String key, String value);

    /**
     * Every setting.
     *
     * @return an immutable snapshot, sorted by key
     */
    Map<String, String> snapshot();
}
