package io.happyos.registry.core.provision;

import io.happyos.registry.ProvisionedSet;
import io.happyos.registry.core.model.Journal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provisioned sets: in memory, and in the journal (durably, before memory changes). Changed on
 * the lifecycle thread only; read from any thread.
 */
final class KeptSets {

    private final Journal journal;
    private final Map<String, Journal.StoredSet> sets = new LinkedHashMap<>();

    KeptSets(Journal journal) {
        this.journal = journal;
        for (Journal.StoredSet set : journal.provisionedSets()) {
            sets.put(set.name(), set);
        }
    }

    synchronized List<Journal.StoredSet> all() {
        return List.copyOf(sets.values());
    }

    synchronized Optional<Journal.StoredSet> get(String name) {
        return Optional.ofNullable(sets.get(name));
    }

    /** Keeps a set, durably first. */
    void put(ProvisionPlan.Set set, String actor, Instant at) {
        Journal.StoredSet stored = new Journal.StoredSet(
                set.name(),
                set.kind().name(),
                set.version(),
                set.source(),
                at,
                actor,
                set.bundles().stream().map(PlannedBundle::line).toList());
        journal.writeProvisionedSet(stored);
        synchronized (this) {
            sets.remove(set.name()); // a set provisioned again goes to the end: newest last
            sets.put(set.name(), stored);
        }
    }

    /** Forgets a set, durably first. */
    void remove(String name) {
        journal.deleteProvisionedSet(name);
        synchronized (this) {
            sets.remove(name);
        }
    }

    /** The locations the sets other than those named list. */
    synchronized Set<String> locationsOutside(Set<String> names) {
        Set<String> locations = new java.util.HashSet<>();
        sets.forEach((name, set) -> {
            if (!names.contains(name)) {
                set.bundles()
                        .forEach(line ->
                                locations.add(PlannedBundle.fromLine(line).location()));
            }
        });
        return locations;
    }

    /** The checksum kept for a location by any set, or {@code null}. */
    synchronized String checksum(String location) {
        for (Journal.StoredSet set : sets.values()) {
            for (String line : set.bundles()) {
                PlannedBundle b = PlannedBundle.fromLine(line);
                if (b.location().equals(location)) {
                    return b.sha256();
                }
            }
        }
        return null;
    }

    /** A kept set as a plan's set, its bundles without files. */
    static ProvisionPlan.Set asPlan(Journal.StoredSet set) {
        List<PlannedBundle> bundles = new ArrayList<>();
        set.bundles().forEach(line -> bundles.add(PlannedBundle.fromLine(line)));
        return new ProvisionPlan.Set(
                set.name(), set.version(), ProvisionedSet.Kind.valueOf(set.kind()), set.source(), bundles);
    }
}
