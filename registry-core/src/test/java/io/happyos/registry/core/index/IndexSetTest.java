package io.happyos.registry.core.index;

import static io.happyos.registry.core.index.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexSetTest {

    private final IndexSet indexes = new IndexSet();

    @Test
    void anEntryThatChangesStatusMovesToItsNewStatus() {
        indexes.put(entry("calc", "skill", ComponentStatus.REGISTERED));
        indexes.put(entry("weather", "skill", ComponentStatus.REGISTERED));

        indexes.put(entry("calc", "skill", ComponentStatus.ACTIVE));

        assertThat(indexes.idsByStatus(ComponentStatus.REGISTERED)).containsExactly("weather");
        assertThat(indexes.idsByStatus(ComponentStatus.ACTIVE)).containsExactly("calc");
        assertThat(indexes.countByStatus(ComponentStatus.ACTIVE)).isEqualTo(1);
        assertThat(indexes.idsByType("skill")).containsExactlyInAnyOrder("calc", "weather");
        assertThat(indexes.size()).isEqualTo(2);
    }

    @Test
    void removedEntriesLeaveEveryIndex() {
        indexes.createIndex("vendor", e -> e.component().metadata().get("Bundle-Vendor"), List.of());
        indexes.put(entry("calc", "skill", ComponentStatus.ACTIVE, Map.of("Bundle-Vendor", "HappyOS")));

        indexes.remove("calc");
        indexes.remove("never-there");

        assertThat(indexes.idsByType("skill")).isEmpty();
        assertThat(indexes.idsByStatus(ComponentStatus.ACTIVE)).isEmpty();
        assertThat(indexes.idsByIndex("vendor", "HappyOS")).isEmpty();
        assertThat(indexes.size()).isZero();
    }

    @Test
    void aKeyFunctionMayGiveSeveralKeysAndNullsAreIgnored() {
        RegistryEntry calc = entry("calc", "skill", ComponentStatus.ACTIVE, Map.of("tags", "math,tools"));
        indexes.createIndex(
                "tag",
                e -> {
                    String tags = e.component().metadata().get("tags");
                    return tags == null ? null : Arrays.asList((tags + ",").split(","));
                },
                List.of(calc));
        indexes.put(entry("logger", "service", ComponentStatus.ACTIVE, Map.of("tags", "tools")));
        indexes.put(entry("plain", "bundle", ComponentStatus.ACTIVE));

        assertThat(indexes.idsByIndex("tag", "math")).containsExactly("calc");
        assertThat(indexes.idsByIndex("tag", "tools")).containsExactlyInAnyOrder("calc", "logger");
        assertThat(indexes.idsByIndex("tag", "other")).isEmpty();
    }

    @Test
    void aValueIsFiledUnderItsToString() {
        indexes.createIndex("length", e -> e.id().length(), List.of());
        indexes.put(entry("calc", "skill", ComponentStatus.ACTIVE));

        assertThat(indexes.idsByIndex("length", "4")).containsExactly("calc");
    }

    @Test
    void aThrowingKeyFunctionGivesNoKeyAndDoesNotStopTheOthers() {
        indexes.createIndex(
                "fragile",
                e -> {
                    if (e.id().equals("bad")) {
                        throw new IllegalStateException("boom");
                    }
                    return "ok";
                },
                List.of());
        indexes.createIndex("type-again", e -> e.component().type(), List.of());

        indexes.put(entry("bad", "skill", ComponentStatus.ACTIVE));
        indexes.put(entry("good", "skill", ComponentStatus.ACTIVE));

        assertThat(indexes.idsByIndex("fragile", "ok")).containsExactly("good");
        assertThat(indexes.idsByIndex("type-again", "skill")).containsExactlyInAnyOrder("bad", "good");
        assertThat(indexes.idsByType("skill")).containsExactlyInAnyOrder("bad", "good");
    }

    @Test
    void anEntryMovesEvenWhenTheKeyFunctionChangesItsMindOverTime() {
        AtomicInteger calls = new AtomicInteger();
        indexes.createIndex("counter", e -> "k" + calls.incrementAndGet(), List.of());

        indexes.put(entry("calc", "skill", ComponentStatus.ACTIVE));
        indexes.put(entry("calc", "skill", ComponentStatus.ACTIVE));

        assertThat(indexes.idsByIndex("counter", "k1")).isEmpty();
        assertThat(indexes.idsByIndex("counter", "k2")).containsExactly("calc");
    }

    @Test
    void createIndexReplacesAndDropIndexForgets() {
        RegistryEntry calc = entry("calc", "skill", ComponentStatus.ACTIVE);
        indexes.put(calc);
        indexes.createIndex("b", e -> "one", List.of(calc));
        indexes.createIndex("a", e -> "x", List.of(calc));
        indexes.createIndex("b", e -> "two", List.of(calc));

        assertThat(indexes.indexNames()).containsExactly("a", "b");
        assertThat(indexes.idsByIndex("b", "one")).isEmpty();
        assertThat(indexes.idsByIndex("b", "two")).containsExactly("calc");

        assertThat(indexes.dropIndex("b")).isTrue();
        assertThat(indexes.dropIndex("b")).isFalse();
        assertThat(indexes.indexNames()).containsExactly("a");
        assertThatThrownBy(() -> indexes.idsByIndex("b", "two"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("no index named 'b': create it first (registry:index create b HEADER)");
    }

    @Test
    void answersAreImmutableSnapshots() {
        indexes.put(entry("calc", "skill", ComponentStatus.ACTIVE));
        var skills = indexes.idsByType("skill");

        indexes.put(entry("weather", "skill", ComponentStatus.ACTIVE));

        assertThat(skills).containsExactly("calc");
        assertThatThrownBy(() -> skills.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> indexes.idsByType("none").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
