package io.happyos.samples.config.internal;

import io.happyos.samples.config.ConfigService;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings kept in memory, seeded with defaults; lost when the bundle stops. */
final class InMemoryConfigService implements ConfigService {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryConfigService.class);

    private final ConcurrentMap<String, String> settings = new ConcurrentHashMap<>();

    InMemoryConfigService(Map<String, String> defaults) {
        settings.putAll(defaults);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void set(String key, String value) {
        String previous = settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        LOG.debug("Setting {} changed from {} to {}", key, previous, value);
    }

    @Override
    public Map<String, String> snapshot() {
        return Map.copyOf(new TreeMap<>(settings));
    }
}
