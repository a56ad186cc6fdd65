package io.happyos.registry.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @Test
    void readsShortFormsAndIso() {
        assertThat(DurationParser.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationParser.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationParser.parse(" 10m ", "x")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationParser.parse("10 m", "x")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationParser.parse("2H", "x")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationParser.parse("PT30S", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationParser.parse("pt1m30s", "x")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationParser.parse("0s", "x")).isZero();
    }

    @Test
    void rejectsEverythingElseNamingTheValueAndTheForms() {
        for (String bad : new String[] {
            "",
            "10",
            "1.5s",
            "-5s",
            "+5s",
            "PT-5S",
            "P",
            "10 days",
            "5x s",
            "99999999999999999999h",
            "9223372036854775807h"
        }) {
            assertThatThrownBy(() -> DurationParser.parse(bad, "TTL"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad TTL '" + bad + "': give " + DurationParser.FORMS)
                    .hasNoCause();
        }
        assertThatThrownBy(() -> DurationParser.parse(null, "TTL"))
                .hasMessage("bad TTL 'null': give " + DurationParser.FORMS);
    }

    @Test
    void aPositiveDurationRefusesZeroSayingWhatToGive() {
        assertThat(DurationParser.parsePositive("1ms", "happyos.bundles.settle"))
                .isEqualTo(Duration.ofMillis(1));
        for (String zero : new String[] {"0s", "0ms", "PT0S"}) {
            assertThatThrownBy(() -> DurationParser.parsePositive(zero, "happyos.bundles.settle"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad happyos.bundles.settle '" + zero
                            + "': give a duration longer than zero, such as 500ms or 30s");
        }
        assertThatThrownBy(() -> DurationParser.parsePositive("-1s", "happyos.bundles.settle"))
                .hasMessage("bad happyos.bundles.settle '-1s': give " + DurationParser.FORMS);
    }
}
