package io.happyos.registry.core.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingCountsTest {

    private static final long T0 = 1_000_000_000_000L; // a whole second

    @Test
    void beforeAFullWindowTheLengthIsTheTimeMeasuredSoFar() {
        SlidingCounts counts = new SlidingCounts(Duration.ofSeconds(10));
        counts.restart(T0 + 200);
        for (int i = 0; i < 30; i++) {
            counts.sample(T0 + 300 + i * 50L, 7);
        }
        counts.allocation(T0 + 900, 7, 3000);
        counts.advance(T0 + 3200);

        SlidingCounts.Totals totals = counts.totals();

        assertThat(totals.lengthMillis()).isEqualTo(3000);
        assertThat(totals.byLoader().get(7L)).isEqualTo(new SlidingCounts.Tally(30, 3000));
        assertThat(totals.allSamples()).isEqualTo(30);
    }

    @Test
    void bucketsOlderThanTheWindowAreLeftOut() {
        SlidingCounts counts = new SlidingCounts(Duration.ofSeconds(3));
        counts.restart(T0);
        counts.sample(T0 + 100, 1); // second 0
        counts.sample(T0 + 1100, 1); // second 1
        counts.sample(T0 + 2100, 2); // second 2
        counts.sample(T0 + 3100, 2); // second 3
        counts.sample(T0 + 3200, -1); // not bundle code
        counts.advance(T0 + 3500);

        SlidingCounts.Totals totals = counts.totals();

        // seconds 1, 2 and 3 are in the window, which runs from 1.000 to the horizon at 3.500
        assertThat(totals.lengthMillis()).isEqualTo(2500);
        assertThat(totals.byLoader().get(1L).samples()).isEqualTo(1);
        assertThat(totals.byLoader().get(2L).samples()).isEqualTo(2);
        assertThat(totals.allSamples()).isEqualTo(4);
    }

    @Test
    void aReusedBucketForgetsItsOldSecondAndLateEventsAreDropped() {
        SlidingCounts counts = new SlidingCounts(Duration.ofSeconds(2)); // 4 slots
        counts.restart(T0);
        counts.sample(T0 + 100, 1);
        counts.advance(T0 + 10_100);
        counts.sample(T0 + 10_050, 2); // second 10, in a slot an old second held
        counts.sample(T0 + 200, 1); // far too old

        SlidingCounts.Totals totals = counts.totals();

        assertThat(totals.byLoader()).containsOnlyKeys(2L);
        assertThat(totals.allSamples()).isEqualTo(1);
        assertThat(totals.lengthMillis()).isEqualTo(1100);
    }

    @Test
    void restartingForgetsEverything() {
        SlidingCounts counts = new SlidingCounts(Duration.ofSeconds(5));
        counts.restart(T0);
        counts.sample(T0 + 100, 1);
        counts.advance(T0 + 1000);
        counts.restart(T0 + 1000);

        SlidingCounts.Totals totals = counts.totals();

        assertThat(totals.byLoader()).isEmpty();
        assertThat(totals.lengthMillis()).isZero();
    }

    @Test
    void theWindowIsRoundedUpToWholeSeconds() {
        assertThat(new SlidingCounts(Duration.ofMillis(1500)).seconds()).isEqualTo(2);
        assertThat(new SlidingCounts(Duration.ofMillis(1)).seconds()).isEqualTo(1);
    }
}
