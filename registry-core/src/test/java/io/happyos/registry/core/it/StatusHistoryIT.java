package io.happyos.registry.core.it;

import static io.happyos.registry.core.it.FrameworkTestSupport.DEMO;
import static io.happyos.registry.core.it.FrameworkTestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.StatusChange;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.EmbeddedFramework;
import io.happyos.registry.testing.InjectFramework;
import io.happyos.registry.testing.InjectService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recent status changes and activation times, as a real framework produces them. */
@EmbeddedFramework
class StatusHistoryIT {

    @InjectFramework
    EmbeddedFelix felix;

    @InjectService
    DynamicRegistry registry;

    @BeforeEach
    void installDemo() throws Exception {
        felix.installSamples(DEMO);
    }

    @Test
    void recentChangesFollowWhatHappenedWithoutAnyCallback() throws Exception {
        join(registry.activateComponent("weather-skill"));
        join(registry.deactivateComponent("logger"));

        List<StatusChange> changes = registry.diagnostics().getRecentStatusChanges(1000);
        assertThat(changes).extracting(StatusChange::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(onlyFor("logger", changes))
                .containsExactly("null->REGISTERED", "REGISTERED->ACTIVE", "ACTIVE->INACTIVE");
        assertThat(onlyFor("weather-skill", changes))
                .containsExactly("null->REGISTERED", "REGISTERED->ACTIVE", "ACTIVE->INACTIVE");
        // dependents go down first, dependencies come up first
        assertThat(indexOf(changes, "weather-skill", ComponentStatus.INACTIVE))
                .isLessThan(indexOf(changes, "logger", ComponentStatus.INACTIVE));
        assertThat(indexOf(changes, "config-manager", ComponentStatus.ACTIVE))
                .isLessThan(indexOf(changes, "logger", ComponentStatus.ACTIVE));
        StatusChange newest = changes.get(changes.size() - 1);
        assertThat(registry.diagnostics().getRecentStatusChanges(1)).containsExactly(newest);
        assertThatThrownBy(() -> registry.diagnostics().getRecentStatusChanges(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void activationTimesAreKeptForWhatTheRegistryActivated() throws Exception {
        assertThat(registry.diagnostics().getActivationTime("logger")).isEmpty();
        join(registry.activateComponent("logger"));

        Duration logger = registry.diagnostics().getActivationTime("logger").orElseThrow();
        assertThat(logger).isPositive().isLessThan(Duration.ofSeconds(30));
        assertThat(registry.diagnostics().getActivationTime("config-manager")).isPresent();
        assertThat(registry.diagnostics().getActivationTime("base-util")).isEmpty();
        assertThatThrownBy(() -> registry.diagnostics().getActivationTime("nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    private static List<String> onlyFor(String id, List<StatusChange> changes) {
        return changes.stream()
                .filter(c -> c.id().equals(id))
                .map(c -> c.from() + "->" + c.to())
                .toList();
    }

    private static int indexOf(List<StatusChange> changes, String id, ComponentStatus to) {
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).id().equals(id) && changes.get(i).to() == to) {
                return i;
            }
        }
        throw new AssertionError("no change of " + id + " to " + to + " in " + changes);
    }
}
