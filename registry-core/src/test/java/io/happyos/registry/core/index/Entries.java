package io.happyos.registry.core.index;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entries for index tests. */
final class Entries {

    private Entries() {}

    static RegistryEntry entry(String id, String type, ComponentStatus status, Map<String, String> metadata) {
        ComponentInfo info = new ComponentInfo(id, type, null, null, null, null, metadata, null);
        return new RegistryEntry(
                id, info, status, Instant.EPOCH, null, 0, Set.of(), Set.of(), List.of(), RegistryEntry.NO_BUNDLE);
    }

    static RegistryEntry entry(String id, String type, ComponentStatus status) {
        return entry(id, type, status, Map.of());
    }
}
