package io.happyos.registry.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.spi.QuotaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceWatchTest {

    private final ResourceWatch watch = new ResourceWatch();
    private final QuotaBook book = new QuotaBook();
    private final Instant t0 = Instant.parse("2026-12-05T00:00:00Z");

    private List<ResourceWatch.Change> at(int seconds, int threads, double cpu) {
        return watch.observe(
                book, t0.plusSeconds(seconds), List.of(new ResourceWatch.Sample("burner", "skill", threads, cpu, 0)));
    }

    @Test
    void aComponentIsMarkedOnlyAfterTheGracePeriodAndClearedWhenBackUnder() {
        book.put(new QuotaBook.Entry(
                new Quota("burner", QuotaLimit.MAX_THREADS, 2, false, Duration.ofSeconds(3)), "test", t0));

        assertThat(at(0, 5, 0)).isEmpty();
        assertThat(at(2, 5, 0)).isEmpty();
        assertThat(watch.violations()).isEmpty();
        assertThat(at(3, 5, 0)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(QuotaEvent.Kind.EXCEEDED);
            assertThat(c.since()).isEqualTo(t0);
            assertThat(c.observed()).isEqualTo(5);
        });
        assertThat(at(4, 6, 0)).isEmpty(); // marked once
        assertThat(watch.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.observed()).isEqualTo(6));
        assertThat(at(5, 1, 0))
                .singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(QuotaEvent.Kind.CLEARED));
        assertThat(watch.violations()).isEmpty();
    }

    @Test
    void goingUnderDuringTheGracePeriodStartsItAgain() {
        book.put(new QuotaBook.Entry(
                new Quota("type:skill", QuotaLimit.MAX_CPU_PERCENT, 50, true, Duration.ofSeconds(2)), "test", t0));
        assertThat(at(0, 0, 80)).isEmpty();
        assertThat(at(1, 0, 10)).isEmpty();
        assertThat(at(2, 0, 80)).isEmpty();
        assertThat(at(3, 0, 80)).isEmpty();
        assertThat(at(4, 0, 80))
                .extracting(ResourceWatch.Change::kind)
                .containsExactly(QuotaEvent.Kind.EXCEEDED, QuotaEvent.Kind.ENFORCED);
        assertThat(watch.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.enforced()).isTrue());
    }

    @Test
    void theStrictestOfSeveralQuotasApplies() {
        book.put(new QuotaBook.Entry(new Quota("global", QuotaLimit.MAX_THREADS, 10, false, Duration.ZERO), "t", t0));
        book.put(new QuotaBook.Entry(new Quota("burner", QuotaLimit.MAX_THREADS, 3, false, Duration.ZERO), "t", t0));
        assertThat(at(0, 4, 0))
                .singleElement()
                .satisfies(c -> assertThat(c.quota().scope()).isEqualTo("burner"));
    }

    @Test
    void aComponentThatWentAwayIsForgotten() {
        book.put(new QuotaBook.Entry(new Quota("burner", QuotaLimit.MAX_THREADS, 1, false, Duration.ZERO), "t", t0));
        at(0, 4, 0);
        assertThat(watch.violations()).hasSize(1);
        assertThat(watch.observe(book, t0.plusSeconds(1), List.of())).isEmpty();
        assertThat(watch.violations()).isEmpty();
    }
}
