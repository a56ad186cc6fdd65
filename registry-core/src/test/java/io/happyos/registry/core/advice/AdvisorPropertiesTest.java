package io.happyos.registry.core.advice;

import static io.happyos.registry.core.advice.Facts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import io.happyos.registry.DriftReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** What holds for every history, not only the examples of {@link AdvisorTest}. */
class AdvisorPropertiesTest {

    private static final DriftReport NO_DRIFT =
            new DriftReport(NOW.minus(Duration.ofDays(2)), List.of(), List.of(), List.of());

    private static List<Advice> advise(List<ComponentFacts> facts) {
        return Advisor.advise(new Observations(NOW, facts, NO_DRIFT, List.of(), Map.of()));
    }

    /** An activation no slower than the median of the earlier ones is never called slow. */
    @Property(tries = 300)
    void anActivationAtOrBelowTheMedianIsNeverSlow(
            @ForAll @Size(min = 0, max = 30) List<@LongRange(min = 0, max = 60_000) Long> earlier) {
        long[] all = new long[earlier.size() + 1];
        for (int i = 0; i < earlier.size(); i++) {
            all[i] = earlier.get(i);
        }
        all[earlier.size()] = earlier.isEmpty() ? 0 : (long) Math.floor(RobustStats.median(RobustStats.of(earlier)));
        assertThat(advise(List.of(Facts.of("c").activations(all).build()))).isEmpty();
    }

    /** Advice is the same whatever order the components come in, and every advice is complete. */
    @Property(tries = 100)
    void adviceDoesNotDependOnTheOrderOfComponents(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1_000) Integer> seeds, @ForAll long shuffle) {
        List<ComponentFacts> facts = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            facts.add(randomFacts("c" + i, new Random(seeds.get(i))));
        }
        List<Advice> advice = advise(facts);
        Collections.shuffle(facts, new Random(shuffle));
        assertThat(advise(facts)).isEqualTo(advice);
        for (Advice a : advice) {
            assertThat(a.summary()).isNotBlank();
            assertThat(a.kind() == AdviceKind.QUOTA || !a.components().isEmpty())
                    .isTrue();
        }
    }

    private static ComponentFacts randomFacts(String id, Random random) {
        long[] activations = new long[random.nextInt(12)];
        for (int i = 0; i < activations.length; i++) {
            activations[i] = 50 + random.nextInt(random.nextBoolean() ? 100 : 5_000);
        }
        List<Instant> errors = new ArrayList<>();
        for (int i = random.nextInt(40); i > 0; i--) {
            errors.add(NOW.minusSeconds(random.nextInt(3 * 24 * 3600)));
        }
        Collections.sort(errors);
        String[] consumers = random.nextBoolean() ? new String[] {"a"} : new String[] {"a", "b"};
        return Facts.of(id)
                .activeSince(NOW.minusSeconds(random.nextInt(24 * 3600)))
                .activations(activations)
                .errors(errors)
                .used(
                        random.nextInt(10),
                        random.nextBoolean() ? null : NOW.minusSeconds(random.nextInt(3600)),
                        consumers)
                .now(random.nextInt(5) - 1, random.nextInt(1 << 22) - 1, random.nextInt(3))
                .peaks(
                        random.nextInt(10) - 1,
                        random.nextDouble() * 100 - 1,
                        random.nextInt(1 << 24) - 1,
                        random.nextInt(50))
                .build();
    }
}
