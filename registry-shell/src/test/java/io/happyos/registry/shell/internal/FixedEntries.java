package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed list of components, for tests of text logic (id resolution, completion) that need no
 * registry behind it: REGISTERED entries with no dependencies.
 */
final class FixedEntries {

    private final List<RegistryEntry> entries = new ArrayList<>();

    /** Adds a component: its id, name (symbolic name), type and bundle number. */
    FixedEntries add(String id, String name, String type, long bundleId) {
        ComponentInfo info =
                new ComponentInfo(name, type, "/jars/" + id + ".jar", name, null, "1.0.0", java.util.Map.of(), null);
        entries.add(new RegistryEntry(
                id,
                info,
                ComponentStatus.REGISTERED,
                Instant.EPOCH,
                null,
                0,
                java.util.Set.of(),
                java.util.Set.of(),
                List.of(),
                bundleId));
        return this;
    }

    /** @return the components, in the order added */
    List<RegistryEntry> list() {
        return List.copyOf(entries);
    }

    /** @return a registry answering {@code listComponents}, {@code findComponent} and {@code getComponent} only */
    DynamicRegistry registry() {
        return (DynamicRegistry) Proxy.newProxyInstance(
                FixedEntries.class.getClassLoader(), new Class<?>[] {DynamicRegistry.class}, (p, method, args) -> {
                    String id = args == null ? null : (String) args[0];
                    return switch (method.getName()) {
                        case "listComponents" -> list();
                        case "findComponent" ->
                            entries.stream().filter(e -> e.id().equals(id)).findFirst();
                        case "getComponent" ->
                            entries.stream()
                                    .filter(e -> e.id().equals(id))
                                    .findFirst()
                                    .orElseThrow(() -> new ComponentNotFoundException(id));
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
