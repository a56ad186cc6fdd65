package io.happyos.registry.core.servicecomponent;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the entries of service components in step with what their sources describe: adds the new
 * ones, updates status and dependencies, removes those that are gone. Not thread-safe: one
 * refresh thread calls it.
 */
final class ServiceComponents {

    private final ComponentStore store;
    private final Map<String, ComponentRecord> byKey = new HashMap<>();

    ServiceComponents(ComponentStore store) {
        this.store = store;
    }

    void sync(List<DesiredComponent> desired) {
        Set<String> seen = new HashSet<>();
        for (DesiredComponent d : desired) {
            seen.add(d.key());
            ComponentRecord record = byKey.get(d.key());
            if (record == null || store.find(record.id()).orElse(null) != record) {
                record = store.add(d.info().name(), RegistryEntry.NO_BUNDLE, d.info(), d.status());
                byKey.put(d.key(), record);
            }
            record.control(d.control());
            update(record, d);
        }
        for (var it = byKey.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!seen.contains(e.getKey())) {
                store.remove(e.getValue());
                it.remove();
            }
        }
    }

    private void update(ComponentRecord record, DesiredComponent d) {
        store.setDeclared(record, d.dependencies(), List.of());
        ComponentStatus current = record.status();
        if (d.status() == ComponentStatus.ERROR) {
            if (current != ComponentStatus.ERROR) {
                store.markError(record, d.error() == null ? record.id() + " failed" : d.error());
            }
        } else if (current != d.status()) {
            store.setStatus(
                    record,
                    d.status() == ComponentStatus.REGISTERED && record.wasActive()
                            ? ComponentStatus.INACTIVE
                            : d.status());
        }
    }

    void clear() {
        byKey.values().forEach(store::remove);
        byKey.clear();
    }
}
