package io.happyos.registry.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.cluster.ClusterComponent;
import io.happyos.registry.cluster.PickStrategy;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InstancePickerTest {

    private static ClusterComponent on(String node, long accesses) {
        return new ClusterComponent(
                node,
                new RegistryEntry(
                        "calc",
                        ComponentInfo.of("calc", "skill"),
                        ComponentStatus.ACTIVE,
                        Instant.EPOCH,
                        null,
                        accesses,
                        null,
                        null,
                        null,
                        RegistryEntry.NO_BUNDLE),
                List.of(),
                false);
    }

    private final List<ClusterComponent> three = List.of(on("alpha", 5), on("beta", 1), on("gamma", 9));
    private final InstancePicker picker = new InstancePicker();

    @Test
    void roundRobinTakesEachInTurn() {
        List<String> picked = IntStream.range(0, 6)
                .mapToObj(i -> picker.pick("calc", three, PickStrategy.ROUND_ROBIN)
                        .orElseThrow()
                        .node())
                .toList();
        assertThat(picked).containsExactly("alpha", "beta", "gamma", "alpha", "beta", "gamma");
    }

    @Test
    void stickyKeepsItsChoiceWhileItIsThereAndMovesWhenItIsNot() {
        String first =
                picker.pick("calc", three, PickStrategy.STICKY).orElseThrow().node();
        for (int i = 0; i < 5; i++) {
            assertThat(picker.pick("calc", three, PickStrategy.STICKY)
                            .orElseThrow()
                            .node())
                    .isEqualTo(first);
        }
        List<ClusterComponent> without =
                three.stream().filter(c -> !c.node().equals(first)).toList();
        String second =
                picker.pick("calc", without, PickStrategy.STICKY).orElseThrow().node();
        assertThat(second).isNotEqualTo(first);
        assertThat(picker.pick("calc", three, PickStrategy.STICKY).orElseThrow().node())
                .isEqualTo(second);
    }

    @Test
    void leastAccessedAndRandom() {
        assertThat(picker.pick("calc", three, PickStrategy.LEAST_ACCESSED)
                        .orElseThrow()
                        .node())
                .isEqualTo("beta");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(picker.pick("calc", three, PickStrategy.RANDOM)
                    .orElseThrow()
                    .node());
        }
        assertThat(seen).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        assertThat(picker.pick("calc", List.of(), PickStrategy.RANDOM)).isEmpty();
    }
}
