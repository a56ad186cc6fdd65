package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import org.junit.jupiter.api.Test;

class IdResolverTest {

    private final IdResolver resolver = new IdResolver(new FixedEntries()
            .add("calculator-skill", "calculator-skill", "skill", 7)
            .add("weather-1", "weather", "skill", 8)
            .add("weather-2", "weather", "skill", 9)
            .add("logger", "io.happyos.logger", "service", 5)
            .add("12", "twelve", "service", RegistryEntry.NO_BUNDLE)
            .add("virtual", "logger", "service", RegistryEntry.NO_BUNDLE)
            .registry());

    @Test
    void anExactIdWinsOverNamesAndBundleNumbers() {
        assertThat(resolver.resolve("logger")).isEqualTo("logger");
        assertThat(resolver.resolve("12")).isEqualTo("12");
    }

    @Test
    void aUniqueNameGivesItsComponent() {
        assertThat(resolver.resolve("io.happyos.logger")).isEqualTo("logger");
        assertThat(resolver.resolve(" twelve ")).isEqualTo("12");
    }

    @Test
    void aBundleNumberGivesItsComponent() {
        assertThat(resolver.resolve("7")).isEqualTo("calculator-skill");
        assertThat(resolver.resolveAll("5", "8")).containsExactly("logger", "weather-1");
    }

    @Test
    void anAmbiguousNameListsTheCandidates() {
        assertThatThrownBy(() -> resolver.resolve("weather"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("'weather' names 2 components: weather-1, weather-2; give one of these ids instead");
    }

    @Test
    void nothingMatchingIsComponentNotFound() {
        assertThatThrownBy(() -> resolver.resolve("nope"))
                .isInstanceOf(ComponentNotFoundException.class)
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> resolver.resolve("-1")).isInstanceOf(ComponentNotFoundException.class);
        assertThatThrownBy(() -> resolver.resolve("99")).isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void blankIsRejected() {
        assertThatThrownBy(() -> resolver.resolve(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
