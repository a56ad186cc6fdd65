package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionValuesTest {

    @Test
    void aWholeNumberOutOfBoundsNamesTheBoundsItBroke() {
        assertThat(OptionValues.wholeNumber("registry:tree", "--depth", " 3 ", 1))
                .isEqualTo(3);
        assertThatThrownBy(() -> OptionValues.wholeNumber("registry:tree", "--depth", "x", 1))
                .hasMessage("registry:tree: --depth must be a whole number of at least 1, got 'x'");
        assertThatThrownBy(() -> OptionValues.wholeNumber("registry:tree", "--depth", "0", 1))
                .hasMessage("registry:tree: --depth must be a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> OptionValues.wholeNumber("registry:tree", "--depth", "99999999999", 1))
                .hasMessage("registry:tree: --depth must be a whole number from 1 to 2147483647, got '99999999999'");
        assertThatThrownBy(() -> OptionValues.wholeNumber("registry:tree", "--depth", "99999999999999999999", 1))
                .hasMessageContaining("from 1 to 2147483647");
    }
}
