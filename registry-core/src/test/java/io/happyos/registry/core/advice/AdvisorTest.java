package io.happyos.registry.core.advice;

import static io.happyos.registry.core.advice.Facts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class AdvisorTest {

    /** Two days of observation. */
    private static final Instant SINCE = NOW.minus(Duration.ofDays(2));

    private static final DriftReport NO_DRIFT = new DriftReport(SINCE, List.of(), List.of(), List.of());

    private static Observations observe(List<Facts> facts) {
        return observe(facts, NO_DRIFT, List.of(), Map.of());
    }

    private static Observations observe(
            List<Facts> facts, DriftReport drift, List<QuotaStatus> quotas, Map<String, Integer> peakActive) {
        return new Observations(NOW, facts.stream().map(Facts::build).toList(), drift, quotas, peakActive);
    }

    private static List<Advice> advise(Facts... facts) {
        return Advisor.advise(observe(List.of(facts)));
    }

    private static QuotaStatus quota(String scope, QuotaLimit limit, double value) {
        return new QuotaStatus(new Quota(scope, limit, value), "shell", NOW, 0, List.of(), null);
    }

    private static DriftItem neverUsed(String id) {
        return new DriftItem(
                null, id, 0, 0, false, id + " is active and offers a service, but no other bundle used it");
    }

    /** Errors every {@code every} over the two days, then {@code recent} in the last hour. */
    private static List<Instant> errors(Duration every, int recent) {
        List<Instant> at = new ArrayList<>();
        for (Instant t = SINCE.plusSeconds(90); t.isBefore(NOW.minus(Duration.ofHours(1))); t = t.plus(every)) {
            at.add(t);
        }
        for (int i = 0; i < recent; i++) {
            at.add(NOW.minus(Duration.ofMinutes(50 - i)));
        }
        return at;
    }

    /** {@code n} errors in the last hour and none before. */
    private static List<Instant> recentErrors(int n) {
        return errors(Duration.ofDays(30), n).subList(1, n + 1);
    }

    /** A registry where everything works as it always did: nothing to say. */
    private static List<Facts> quiet() {
        return List.of(
                Facts.of("calculator-skill"),
                // a varied history, and a latest activation within it
                Facts.of("weather-skill").activations(300, 420, 280, 650, 310, 500, 390, 700),
                // errors now and then, and one in the last hour as usual
                Facts.of("logger").type("service").errors(errors(Duration.ofHours(2), 1)),
                // accounting on, modest figures
                Facts.of("config-manager").type("service").now(1, 4096, 1).peaks(0, 0.5, 8192, 0.2),
                // not active: not "unused"
                Facts.of("echo-skill").status(ComponentStatus.REGISTERED).unused(),
                // active and unused, but its use cannot be observed (a library): not in the drift report
                Facts.of("base-util").type("library").unused(),
                // just activated, no history yet
                Facts.of("greeting-skill").activeSince(NOW.minusSeconds(30)).activations(120));
    }

    @Test
    void aQuietRegistryGetsNoAdvice() {
        assertThat(Advisor.advise(observe(quiet(), NO_DRIFT, List.of(), Map.of("skill", 2, "service", 2))))
                .isEmpty();
        assertThat(Advisor.advise(new Observations(NOW, List.of(), NO_DRIFT, List.of(), Map.of())))
                .isEmpty();
    }

    // --- unused ---

    @Test
    void aComponentNotUsedSinceItsActivationIsToBeDeactivatedWithWhatThatFrees() {
        Facts idle = Facts.of("idle-skill")
                .activeSince(NOW.minus(Duration.ofHours(2)))
                .unused()
                .now(3, 2 << 20, 1);
        DriftReport drift = new DriftReport(SINCE, List.of(), List.of(), List.of(neverUsed("idle-skill")));

        List<Advice> advice = Advisor.advise(observe(List.of(idle), drift, List.of(), Map.of()));

        assertThat(advice).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdviceKind.UNUSED);
            assertThat(a.components()).containsExactly("idle-skill");
            assertThat(a.summary())
                    .isEqualTo("idle-skill has not been used in the 2 hours since it was activated: deactivate it to"
                            + " free 3 threads, 2 MB/s of allocation and 1 instance");
            assertThat(a.evidence())
                    .containsExactly(
                            "active since 2026-03-01T10:00:00Z (2 hours)",
                            "never used by another bundle since the registry started (0 lookups, 0 instance calls)",
                            "owns 3 live threads now",
                            "allocates 2 MB/s now",
                            "the registry holds 1 instance of it",
                            "idle-skill is active and offers a service, but no other bundle used it");
            assertThat(a.command()).isEqualTo("registry:deactivate idle-skill");
        });
    }

    @Test
    void unusedComponentsComeByWhatTheyWouldFreeAndNeedTenMinutesOfIdleness() {
        Facts small = Facts.of("a-small")
                .activeSince(NOW.minus(Duration.ofHours(1)))
                .unused()
                .now(0, 0, 0);
        Facts big = Facts.of("z-big")
                .activeSince(NOW.minus(Duration.ofHours(1)))
                .unused()
                .now(8, 0, 1);
        Facts fresh = Facts.of("fresh")
                .activeSince(NOW.minus(Duration.ofMinutes(9)))
                .unused()
                .now(8, 0, 1);
        DriftReport drift = new DriftReport(
                SINCE, List.of(), List.of(), List.of(neverUsed("a-small"), neverUsed("fresh"), neverUsed("z-big")));

        List<Advice> advice = Advisor.advise(observe(List.of(small, big, fresh), drift, List.of(), Map.of()));

        assertThat(advice).extracting(a -> a.components().get(0)).containsExactly("z-big", "a-small");
        assertThat(advice.get(1).summary())
                .isEqualTo("a-small has not been used in the 60 minutes since it was activated: deactivate it");
    }

    @Test
    void aComponentUsedOnlyBeforeItsLatestActivationIsUnusedAndUnmeasuredFiguresAreSaidSo() {
        Facts reactivated = Facts.of("weather-skill")
                .activeSince(NOW.minus(Duration.ofDays(3)))
                .used(7, NOW.minus(Duration.ofDays(4)), "assistant")
                .now(-1, -1, 2);

        List<Advice> advice = advise(reactivated);

        assertThat(advice).singleElement().satisfies(a -> {
            assertThat(a.summary())
                    .isEqualTo("weather-skill has not been used in the 3 days since it was activated: deactivate it"
                            + " to free 2 instances");
            assertThat(a.evidence())
                    .containsExactly(
                            "active since 2026-02-26T12:00:00Z (3 days)",
                            "last used at 2026-02-25T12:00:00Z, before its latest activation (7 uses in all)",
                            "threads and allocation not measured: resource accounting is off",
                            "the registry holds 2 instances of it");
        });
    }

    // --- slow activation ---

    @Test
    void anActivationFarAboveItsOwnMedianIsSlow() {
        Facts slow =
                Facts.of("weather-skill").activations(294, 296, 298, 299, 300, 300, 300, 300, 301, 302, 304, 306, 2400);

        assertThat(advise(slow)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdviceKind.SLOW_ACTIVATION);
            assertThat(a.summary())
                    .isEqualTo("weather-skill took 2.4 s to activate, 8x its median (300 ms over 12 activations)");
            assertThat(a.evidence())
                    .startsWith(
                            "latest activation: 2.4 s",
                            "earlier 12 activations: median 300 ms, MAD 1.5 ms, fastest 294 ms, slowest 306 ms",
                            "reported above 600 ms: median + 3.5 x 1.4826 x MAD, at least 2x the median and 100 ms"
                                    + " more");
            assertThat(a.command()).isEqualTo("registry:audit --component weather-skill --limit 20");
        });
    }

    @Test
    void tooLittleHistoryGivesNoActivationAdvice() {
        assertThat(advise(Facts.of("young").activations(300, 300, 300, 300, 2400)))
                .isEmpty();
        assertThat(advise(Facts.of("younger").activations(2400))).isEmpty();
        assertThat(advise(Facts.of("none").activations())).isEmpty();
    }

    @Test
    void withIdenticalEarlierTimesMadIsZeroAndTheFloorsDecide() {
        // 120 ms is 2.4x the median but only 70 ms more: not worth saying
        assertThat(advise(Facts.of("steady").activations(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 120)))
                .isEmpty();
        // 90 ms after 10 ms is 9x but 80 ms more: not worth saying either
        assertThat(advise(Facts.of("quick").activations(10, 10, 10, 10, 10, 90)))
                .isEmpty();
        assertThat(advise(Facts.of("steady").activations(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 160)))
                .singleElement()
                .extracting(Advice::summary)
                .isEqualTo("steady took 160 ms to activate, 3.2x its median (50 ms over 10 activations)");
    }

    @Test
    void aNoisyHistoryAbsorbsALongActivation() {
        assertThat(advise(Facts.of("noisy").activations(100, 900, 200, 1000, 150, 800, 300, 950, 1100)))
                .isEmpty();
    }

    @Test
    void slowActivationsComeLargestSlowdownFirst() {
        List<Advice> advice = advise(
                Facts.of("a-twice").activations(300, 300, 300, 300, 300, 700),
                Facts.of("b-tenfold").activations(300, 300, 300, 300, 300, 3000));
        assertThat(advice).extracting(a -> a.components().get(0)).containsExactly("b-tenfold", "a-twice");
        assertThat(advice.get(0).summary()).contains("3 s to activate, 10x its median");
    }

    // --- error rate ---

    @Test
    void manyMoreErrorsInTheLastHourThanUsualIsAnErrorRateAnomaly() {
        // one error every four hours over the 47 earlier hours, then 12 in the last hour
        Facts failing = Facts.of("logger").errors(errors(Duration.ofHours(4), 12));

        assertThat(advise(failing)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdviceKind.ERROR_RATE);
            assertThat(a.summary())
                    .isEqualTo("logger had 12 errors in the last hour against 0.26 an hour before (12 errors in 47"
                            + " hours), 47x that");
            assertThat(a.evidence())
                    .containsExactly(
                            "12 errors between 2026-03-01T11:00:00Z and 2026-03-01T12:00:00Z",
                            "the 47 hours before: 12 errors, mean 0.26 an hour, median 0, MAD 0, most in one hour 1",
                            "its error history (registry:info logger) says what failed");
            assertThat(a.command()).isEqualTo("registry:info logger");
        });
    }

    @Test
    void errorsWhereThereWereNoneBeforeSaySo() {
        assertThat(advise(Facts.of("fresh-failure").errors(recentErrors(5))))
                .singleElement()
                .extracting(Advice::summary)
                .isEqualTo("fresh-failure had 5 errors in the last hour against none in the 47 hours before");
    }

    @Test
    void aSteadyErrorRateOrTooFewErrorsOrTooLittleHistoryGiveNoErrorAdvice() {
        // two an hour, and two in the last hour
        assertThat(advise(Facts.of("steady").errors(errors(Duration.ofMinutes(30), 2))))
                .isEmpty();
        // four an hour, then eight: twice the usual, not three times
        assertThat(advise(Facts.of("busy").errors(errors(Duration.ofMinutes(15), 8))))
                .isEmpty();
        // four errors where there were none: under the minimum
        assertThat(advise(Facts.of("few").errors(errors(Duration.ofDays(30), 4))))
                .isEmpty();
        // the registry started five hours ago: no baseline to judge 50 errors against
        DriftReport young = new DriftReport(NOW.minus(Duration.ofHours(5)), List.of(), List.of(), List.of());
        assertThat(Advisor.advise(observe(
                        List.of(Facts.of("young").errors(errors(Duration.ofDays(30), 50))),
                        young,
                        List.of(),
                        Map.of())))
                .isEmpty();
    }

    /** The newest {@code n} errors, as a full error history keeps them. */
    private static List<Instant> newest(List<Instant> errors, int n) {
        return errors.subList(errors.size() - n, errors.size());
    }

    @Test
    void aFullErrorHistoryIsJudgedFromItsOldestErrorNotFromTheRegistrysStart() {
        // ten an hour, steadily: the 100 kept go back ten hours, the hours before are unknown, not quiet
        assertThat(advise(Facts.of("steady").errors(newest(errors(Duration.ofMinutes(6), 10), 100))))
                .isEmpty();
        // four an hour, then 30: still a rise against the 17 full hours the history keeps
        assertThat(advise(Facts.of("full").errors(newest(errors(Duration.ofMinutes(15), 30), 100))))
                .singleElement()
                .extracting(Advice::summary, InstanceOfAssertFactories.STRING)
                .startsWith("full had 30 errors in the last hour against 4 an hour before (68 errors in 17 hours)");
    }

    @Test
    void unusedEvidenceSaysWhichFigureWasNotMeasured() {
        Facts partly = Facts.of("partly")
                .activeSince(NOW.minus(Duration.ofHours(1)))
                .unused()
                .now(-1, 1024, 0);
        DriftReport drift = new DriftReport(SINCE, List.of(), List.of(), List.of(neverUsed("partly")));
        assertThat(Advisor.advise(observe(List.of(partly), drift, List.of(), Map.of())))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("allocates 1 KB/s now", "threads not measured"));
    }

    // --- used together ---

    @Test
    void componentsUsedByExactlyTheSameBundlesAreOneGroup() {
        List<Advice> advice = advise(
                Facts.of("c").used(10, NOW, "ui", "assistant"),
                Facts.of("a").used(12, NOW, "assistant", "ui"),
                Facts.of("b").used(3, NOW, "assistant", "ui"),
                // used by one of them only
                Facts.of("d").used(50, NOW, "assistant"),
                // the same consumers, but used twice only
                Facts.of("e").used(2, NOW, "assistant", "ui"));

        assertThat(advice).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdviceKind.USED_TOGETHER);
            assertThat(a.components()).containsExactly("a", "b", "c");
            assertThat(a.summary())
                    .isEqualTo("a, b and c are always used together, by the same 2 bundles (assistant, ui): activate"
                            + " them as one batch, or provision them as one set");
            assertThat(a.evidence())
                    .containsExactly(
                            "a: 12 uses, by assistant, ui only",
                            "b: 3 uses, by assistant, ui only",
                            "c: 10 uses, by assistant, ui only");
            assertThat(a.command()).isEqualTo("registry:activate a b c");
        });
    }

    @Test
    void eachGroupIsOneAdviceTheLargestFirst() {
        List<Advice> advice = advise(
                Facts.of("x1").used(5, NOW, "one"),
                Facts.of("x2").used(5, NOW, "one"),
                Facts.of("y1").used(5, NOW, "two"),
                Facts.of("y2").used(5, NOW, "two"),
                Facts.of("y3").used(5, NOW, "two"));
        assertThat(advice)
                .extracting(Advice::components)
                .containsExactly(List.of("y1", "y2", "y3"), List.of("x1", "x2"));
        assertThat(advice.get(1).summary()).startsWith("x1 and x2 are always used together, by the same bundle (one)");
    }

    // --- quotas ---

    @Test
    void quotasAreSuggestedFromPeaksWithHeadroom() {
        Facts worker = Facts.of("worker").peaks(4, 42.3, 10 << 20, 20);

        List<Advice> advice = advise(worker);

        assertThat(advice).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AdviceKind.QUOTA));
        assertThat(advice)
                .extracting(Advice::command)
                .containsExactly(
                        "registry:quota set worker max-threads 6",
                        "registry:quota set worker max-cpu-percent 64%",
                        "registry:quota set worker max-alloc-rate 15MB/s",
                        "registry:quota set worker calls-per-second 30");
        assertThat(advice.get(0).summary()).isEqualTo("limit worker to 6 (max-threads): its peak was 4 threads");
        assertThat(advice.get(1).summary())
                .isEqualTo("limit worker to 64% (max-cpu-percent): its peak was 42% of a core");
        assertThat(advice.get(2).summary()).isEqualTo("limit worker to 15MB/s (max-alloc-rate): its peak was 10 MB/s");
        assertThat(advice.get(0).evidence())
                .containsExactly(
                        "peak since the registry started: 4 threads",
                        "no max-threads quota covers worker (its id, type:skill or global)",
                        "suggested: 1.5 x the peak, rounded up");
        // what the commands say can be read back as a quota of that value
        assertThat(Quota.parseValue(QuotaLimit.MAX_ALLOC_RATE, "15MB/s")).isEqualTo(15 << 20);
        assertThat(Quota.parseValue(QuotaLimit.MAX_CPU_PERCENT, "64%")).isEqualTo(64);
    }

    @Test
    void noQuotaIsSuggestedWhereOneOfThatLimitCoversTheComponentOrThePeakIsUnmeasuredOrTrivial() {
        Facts worker = Facts.of("worker").peaks(4, 42.3, 10 << 20, 20);
        List<QuotaStatus> quotas = List.of(
                quota("type:skill", QuotaLimit.MAX_THREADS, 10),
                quota("global", QuotaLimit.MAX_CPU_PERCENT, 80),
                quota("worker", QuotaLimit.MAX_ALLOC_RATE, 1 << 30),
                // another component's quota does not cover worker
                quota("other", QuotaLimit.CALLS_PER_SECOND, 5));
        assertThat(Advisor.advise(observe(List.of(worker), NO_DRIFT, quotas, Map.of())))
                .extracting(Advice::command)
                .containsExactly("registry:quota set worker calls-per-second 30");

        assertThat(advise(Facts.of("unmeasured").peaks(-1, -1, -1, 0))).isEmpty();
        assertThat(advise(Facts.of("trivial").peaks(0, 4.9, (1 << 20) - 1, 0.9)))
                .isEmpty();
    }

    @Test
    void maxActiveIsSuggestedPerTypeFromThePeakOfActiveComponents() {
        List<Facts> facts =
                List.of(Facts.of("s1"), Facts.of("s2"), Facts.of("svc").type("service"));
        Map<String, Integer> peaks = Map.of("skill", 4, "service", 2);

        assertThat(Advisor.advise(observe(facts, NO_DRIFT, List.of(), peaks)))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AdviceKind.QUOTA);
                    assertThat(a.components()).containsExactly("s1", "s2");
                    assertThat(a.summary())
                            .isEqualTo(
                                    "limit the components of type skill active at once to 6 (max-active): at most 4 were");
                    assertThat(a.command()).isEqualTo("registry:quota set type:skill max-active 6");
                });
        assertThat(Advisor.advise(observe(
                        facts, NO_DRIFT, List.of(quota("cluster:type:skill", QuotaLimit.MAX_ACTIVE, 8)), peaks)))
                .isEmpty();
    }

    // --- drift ---

    @Test
    void eachDriftItemIsOneAdviceWithItsEvidence() {
        DriftReport drift = new DriftReport(
                SINCE,
                List.of(new DriftItem(
                        "weather-skill", "config-manager", 4, 1, true, "weather-skill used config-manager")),
                List.of(
                        new DriftItem(
                                "calculator-skill",
                                "base-util",
                                0,
                                0,
                                false,
                                "calculator-skill declares base-util. Fix: if it is not needed, remove the dependency"
                                        + " (registry:undepend calculator-skill base-util)"),
                        new DriftItem(
                                "weather-skill",
                                "base-util",
                                0,
                                0,
                                false,
                                "Fix: if it is not needed, remove the requirement from the manifest")),
                List.of());

        List<Advice> advice = Advisor.advise(observe(List.of(), drift, List.of(), Map.of()));

        assertThat(advice).hasSize(3);
        assertThat(advice.get(0)).satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdviceKind.UNDECLARED_DEPENDENCY);
            assertThat(a.components()).containsExactly("weather-skill", "config-manager");
            assertThat(a.summary())
                    .startsWith("weather-skill uses config-manager without declaring a dependency on it");
            assertThat(a.evidence())
                    .containsExactly(
                            "4 lookups, 1 instance call, holds one of its services now",
                            "weather-skill used config-manager");
            assertThat(a.command()).isEqualTo("registry:depend weather-skill config-manager");
        });
        assertThat(advice.get(1)).satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AdviceKind.UNUSED_DEPENDENCY);
            assertThat(a.summary())
                    .isEqualTo("calculator-skill declares a dependency on base-util but never used it: remove the"
                            + " dependency if it is not needed");
            assertThat(a.command()).isEqualTo("registry:undepend calculator-skill base-util");
        });
        // a dependency from the manifest: no command removes it
        assertThat(advice.get(2).command()).isNull();
    }

    // --- order ---

    @Test
    void adviceComesMostUsefulFirstAndTheSameForTheSameObservations() {
        List<Facts> facts = new ArrayList<>(List.of(
                Facts.of("idle").activeSince(NOW.minus(Duration.ofHours(1))).unused(),
                Facts.of("slow").activations(300, 300, 300, 300, 300, 3000),
                Facts.of("failing").errors(errors(Duration.ofDays(30), 9)),
                Facts.of("worker").peaks(2, -1, -1, 0),
                Facts.of("p").used(5, NOW, "pair"),
                Facts.of("q").used(5, NOW, "pair")));
        DriftReport drift = new DriftReport(
                SINCE,
                List.of(new DriftItem("u", "v", 1, 0, false, "u used v")),
                List.of(new DriftItem("w", "v", 0, 0, false, "w declares v")),
                List.of(neverUsed("idle")));
        Observations observations = observe(facts, drift, List.of(), Map.of());

        List<Advice> advice = Advisor.advise(observations);

        assertThat(advice)
                .extracting(Advice::kind)
                .containsExactly(
                        AdviceKind.ERROR_RATE,
                        AdviceKind.SLOW_ACTIVATION,
                        AdviceKind.UNDECLARED_DEPENDENCY,
                        AdviceKind.UNUSED,
                        AdviceKind.QUOTA,
                        AdviceKind.USED_TOGETHER,
                        AdviceKind.UNUSED_DEPENDENCY);
        for (long seed = 0; seed < 5; seed++) {
            Collections.shuffle(facts, new Random(seed));
            assertThat(Advisor.advise(observe(facts, drift, List.of(), Map.of())))
                    .isEqualTo(advice);
        }
    }
}
