package io.happyos.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.text.EntryJson;
import io.happyos.registry.text.JsonInput;
import io.happyos.registry.text.JsonOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published record's JSON shape: what one node writes, another reads back unchanged. */
class ClusterUnitsTest {

    @Test
    void anEntryMakesTheRoundTripThroughItsJson() {
        RegistryEntry entry = new RegistryEntry(
                "calc",
                new ComponentInfo("calc", "skill", "/b/calc.jar", "io.calc", null, "1.2.0", Map.of("k", "v"), null),
                ComponentStatus.ERROR,
                Instant.parse("2026-12-04T10:00:00Z"),
                Instant.parse("2026-12-04T11:00:00Z"),
                42,
                Set.of("base-util", "logger"),
                Set.of("runner"),
                List.of(new ErrorRecord(Instant.parse("2026-12-04T10:30:00Z"), "it failed \u2028 \"quoted\"")),
                17);

        RegistryEntry back = EntryJson.fromMap(JsonInput.object(JsonOutput.text(EntryJson.toMap(entry))));

        assertThat(back).isEqualTo(entry);
    }

    @Test
    void aRecordMissingARequiredFieldIsRefusedWithItsName() {
        assertThatThrownBy(() -> EntryJson.fromMap(JsonInput.object("{\"id\":\"x\",\"type\":\"skill\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
        assertThatThrownBy(() -> JsonInput.object("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JsonInput.parse("{\"a\":")).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> JsonInput.parse("1 2")).hasMessageContaining("more than one JSON value");
    }
}
