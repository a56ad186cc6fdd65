package io.happyos.registry.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** After any sequence of changes, every index answers as a full recount over the entries would. */
class IndexSetPropertiesTest {

    private static final List<String> TYPES = List.of("skill", "service", "bundle");
    private static final List<String> VALUES = List.of("a", "b", "c");

    /** The key functions an index may use, by name: single key, several keys, none, throwing. */
    private static final Map<String, Function<RegistryEntry, ?>> KEY_FUNCTIONS = Map.of(
            "vendor", e -> e.component().metadata().get("vendor"),
            "tags",
                    e -> {
                        String tags = e.component().metadata().get("tags");
                        return tags == null ? null : List.of(tags.split(""));
                    },
            "fragile",
                    e -> {
                        if (e.component().metadata().containsKey("boom")) {
                            throw new IllegalStateException("boom");
                        }
                        return e.component().type();
                    });

    sealed interface Step permits Put, Remove, Create, Drop {}

    record Put(RegistryEntry entry) implements Step {}

    record Remove(String id) implements Step {}

    record Create(String name, String function) implements Step {}

    record Drop(String name) implements Step {}

    @Property
    void everyAnswerEqualsAFullRecount(@ForAll("steps") @Size(max = 60) List<Step> steps) {
        IndexSet indexes = new IndexSet();
        Map<String, RegistryEntry> entries = new TreeMap<>();
        Map<String, Function<RegistryEntry, ?>> custom = new TreeMap<>();
        for (Step step : steps) {
            if (step instanceof Put put) {
                indexes.put(put.entry());
                entries.put(put.entry().id(), put.entry());
            } else if (step instanceof Remove remove) {
                indexes.remove(remove.id());
                entries.remove(remove.id());
            } else if (step instanceof Create create) {
                Function<RegistryEntry, ?> function = KEY_FUNCTIONS.get(create.function());
                indexes.createIndex(create.name(), function, List.copyOf(entries.values()));
                custom.put(create.name(), function);
            } else if (step instanceof Drop drop) {
                assertThat(indexes.dropIndex(drop.name())).isEqualTo(custom.remove(drop.name()) != null);
            }
            assertMatchesRecount(indexes, entries, custom);
        }
    }

    private static void assertMatchesRecount(
            IndexSet indexes, Map<String, RegistryEntry> entries, Map<String, Function<RegistryEntry, ?>> custom) {
        assertThat(indexes.size()).isEqualTo(entries.size());
        for (String type : TYPES) {
            assertThat(indexes.idsByType(type))
                    .isEqualTo(recount(entries, e -> Set.of(e.component().type()), type));
        }
        for (ComponentStatus status : ComponentStatus.values()) {
            Set<String> expected = recount(entries, e -> Set.of(e.status().name()), status.name());
            assertThat(indexes.idsByStatus(status)).isEqualTo(expected);
            assertThat(indexes.countByStatus(status)).isEqualTo(expected.size());
        }
        assertThat(indexes.indexNames()).containsExactlyElementsOf(custom.keySet());
        for (var index : custom.entrySet()) {
            for (String key : List.of("a", "b", "c", "skill", "service", "bundle", "none")) {
                assertThat(indexes.idsByIndex(index.getKey(), key))
                        .isEqualTo(recount(entries, e -> keysByBruteForce(index.getValue(), e), key));
            }
        }
        for (String name : List.of("i0", "i1", "i2")) {
            if (!custom.containsKey(name)) {
                assertThatThrownBy(() -> indexes.idsByIndex(name, "a")).isInstanceOf(RegistryException.class);
            }
        }
    }

    private static Set<String> keysByBruteForce(Function<RegistryEntry, ?> function, RegistryEntry entry) {
        Object value;
        try {
            value = function.apply(entry);
        } catch (RuntimeException e) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> keys.add(v.toString()));
        } else if (value != null) {
            keys.add(value.toString());
        }
        return keys;
    }

    private static Set<String> recount(
            Map<String, RegistryEntry> entries, Function<RegistryEntry, Set<String>> keys, String key) {
        Set<String> ids = new HashSet<>();
        entries.values().stream().filter(e -> keys.apply(e).contains(key)).forEach(e -> ids.add(e.id()));
        return ids;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> ids = Arbitraries.integers().between(0, 29).map(i -> "c" + i);
        Arbitrary<String> names = Arbitraries.of("i0", "i1", "i2");
        Arbitrary<Map<String, String>> metadata = Combinators.combine(
                        Arbitraries.of(VALUES).injectNull(0.3),
                        Arbitraries.strings().withChars("abc").ofMaxLength(3).injectNull(0.3),
                        Arbitraries.of(true, false))
                .as((vendor, tags, boom) -> {
                    Map<String, String> map = new TreeMap<>();
                    if (vendor != null) {
                        map.put("vendor", vendor);
                    }
                    if (tags != null) {
                        map.put("tags", tags);
                    }
                    if (boom) {
                        map.put("boom", "yes");
                    }
                    return map;
                });
        Arbitrary<Step> put = Combinators.combine(
                        ids, Arbitraries.of(TYPES), Arbitraries.of(ComponentStatus.class), metadata)
                .as((id, type, status, meta) -> new Put(Entries.entry(id, type, status, meta)));
        Arbitrary<Step> remove = ids.map(Remove::new);
        Arbitrary<Step> create = Combinators.combine(names, Arbitraries.of(KEY_FUNCTIONS.keySet()))
                .as(Create::new);
        Arbitrary<Step> drop = names.map(Drop::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, put),
                        net.jqwik.api.Tuple.of(3, remove),
                        net.jqwik.api.Tuple.of(1, create),
                        net.jqwik.api.Tuple.of(1, drop))
                .list()
                .ofMaxSize(60)
                .map(ArrayList::new);
    }
}
