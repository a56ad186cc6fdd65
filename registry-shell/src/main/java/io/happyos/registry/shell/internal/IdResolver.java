package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a user typed into a component id: an exact id first, then a unique component name,
 * then a bundle number.
 */
final class IdResolver {

    private final DynamicRegistry registry;

    /**
     * A resolver over a registry.
     *
     * @param registry the registry to look in
     */
    IdResolver(DynamicRegistry registry) {
        this.registry = registry;
    }

    /**
     * The id of the component the user means.
     *
     * @param reference an id, a name or a bundle number
     * @return the component's id
     * @throws ComponentNotFoundException when nothing matches
     * @throws RegistryException when the name matches several components; the message lists their ids
     */
    String resolve(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("a component id, name or bundle number is required");
        }
        if (registry.findComponent(ref).isPresent()) {
            return ref;
        }
        List<RegistryEntry> all = registry.listComponents();
        List<String> named = new ArrayList<>();
        for (RegistryEntry e : all) {
            if (e.component().name().equals(ref)) {
                named.add(e.id());
            }
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new RegistryException("'" + ref + "' names " + named.size() + " components: "
                    + String.join(", ", named) + "; give one of these ids instead");
        }
        return byBundleNumber(ref, all).orElseThrow(() -> new ComponentNotFoundException(ref));
    }

    /**
     * The ids of several components, in the order given.
     *
     * @param references ids, names or bundle numbers
     * @return the ids
     * @throws ComponentNotFoundException when one matches nothing
     */
    List<String> resolveAll(String... references) {
        List<String> ids = new ArrayList<>(references.length);
        for (String ref : references) {
            ids.add(resolve(ref));
        }
        return ids;
    }

    private static Optional<String> byBundleNumber(String ref, List<RegistryEntry> all) {
        long bundleId;
        try {
            bundleId = Long.parseLong(ref);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (bundleId < 0) {
            return Optional.empty();
        }
        return all.stream()
                .filter(e -> e.bundleId() == bundleId)
                .map(RegistryEntry::id)
                .findFirst();
    }
}
