package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsShortFormsAndIso() {
        assertThat(DurationText.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse(" 10m ", "x")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("2H", "x")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("PT30S", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("pt1m30s", "x")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void rejectsEverythingElseNamingTheForms() {
        for (String bad : new String[] {"", "10", "1.5s", "-5s", "PT-5S", "P", "10 days", "99999999999999999999h"}) {
            assertThatThrownBy(() -> DurationText.parse(bad, "TTL"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad TTL '" + bad + "': give " + DurationText.FORMS);
        }
    }

    @Test
    void formatsForPeopleAndForJson() {
        assertThat(DurationText.format(Duration.ofNanos(420_000))).isEqualTo("420 us");
        assertThat(DurationText.format(Duration.ofNanos(12_345_678))).isEqualTo("12.3 ms");
        assertThat(DurationText.format(Duration.ofMillis(1250))).isEqualTo("1.25 s");
        assertThat(DurationText.format(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(DurationText.millis(Duration.ofNanos(12_345_678)).toString()).isEqualTo("12.346");
        assertThat(DurationText.millis(Duration.ZERO).toString()).isEqualTo("0.000");
        assertThat(DurationText.shortForm(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(DurationText.shortForm(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.shortForm(Duration.ofHours(2))).isEqualTo("2h");
    }
}
