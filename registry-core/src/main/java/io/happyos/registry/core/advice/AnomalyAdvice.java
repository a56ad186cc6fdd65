package io.happyos.registry.core.advice;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Activation times and error rates unusual for the component, judged against its own history with
 * robust statistics (median and MAD), so that one earlier outlier neither hides nor causes an anomaly.
 *
 * <p>An activation is slow when the latest time is above the median of the earlier ones by more than
 * {@value #OUTLIER_SIGMAS} robust standard deviations (1.4826 MAD), at least {@value #MIN_SLOWDOWN}
 * times the median, and at least {@link #MIN_EXTRA_TIME} longer: the last two keep a component whose
 * earlier times were all equal (MAD 0) from being flagged for a few milliseconds, and a component that
 * activates in 2 ms from being flagged at 9 ms. It needs {@value #MIN_ACTIVATIONS} earlier activations.
 *
 * <p>An error rate is unusual when the errors of the last hour are at least {@value #MIN_RECENT_ERRORS},
 * above the median of the earlier hourly counts by more than {@value #OUTLIER_SIGMAS} robust standard
 * deviations, and at least {@value #MIN_RISE} times the mean earlier hourly count. The earlier hours
 * are the full hours since the registry started counting (the drift report's {@code observedSince}),
 * or since the oldest error kept when the history is full and may have dropped older ones, the last
 * {@value #MAX_ERROR_HOURS} at most; it needs {@value #MIN_ERROR_HOURS} of them.
 */
final class AnomalyAdvice {

    /**
     * How far above the median, in robust standard deviations, an anomaly lies: 3.5, the cut-off of
     * Iglewicz and Hoaglin's modified z-score.
     */
    static final double OUTLIER_SIGMAS = 3.5;

    /** Earlier activations needed before the latest can be judged. */
    static final int MIN_ACTIVATIONS = 5;

    /** How many times its median an activation must take at least to be reported. */
    static final double MIN_SLOWDOWN = 2.0;

    /** How much longer than its median an activation must take at least to be reported. */
    static final Duration MIN_EXTRA_TIME = Duration.ofMillis(100);

    /** The recent period whose errors are judged. */
    static final Duration RECENT = Duration.ofHours(1);

    /** Earlier full hours of observation needed before the last hour can be judged. */
    static final int MIN_ERROR_HOURS = 6;

    /** Earlier hours compared with at most: one week. */
    static final int MAX_ERROR_HOURS = 168;

    /**
     * How many errors an error history keeps by default ({@code happyos.error.history.size}): a history
     * this long may have dropped older errors, so its baseline starts at the oldest error kept.
     */
    static final int KEPT_ERRORS = 100;

    /** Errors in the last hour needed at least for an unusual error rate. */
    static final int MIN_RECENT_ERRORS = 5;

    /** How many times its mean earlier hourly count the last hour's errors must be at least. */
    static final double MIN_RISE = 3.0;

    private AnomalyAdvice() {}

    /**
     * The slow activations, the largest slowdown first.
     *
     * @param components what was observed
     * @return one advice per component whose latest activation is unusually slow
     */
    static List<Advice> slowActivations(List<ComponentFacts> components) {
        List<Ranked> found = new ArrayList<>();
        for (ComponentFacts c : components) {
            List<Duration> times = c.activationTimes();
            if (times.size() < MIN_ACTIVATIONS + 1) {
                continue;
            }
            double[] earlier = new double[times.size() - 1];
            for (int i = 0; i < earlier.length; i++) {
                earlier[i] = times.get(i).toNanos() / 1e6;
            }
            double latest = times.get(times.size() - 1).toNanos() / 1e6;
            double median = RobustStats.median(earlier);
            double mad = RobustStats.mad(earlier, median);
            double threshold = median + OUTLIER_SIGMAS * RobustStats.MAD_TO_SIGMA * mad;
            if (latest <= threshold || latest < MIN_SLOWDOWN * median || latest - median < MIN_EXTRA_TIME.toMillis()) {
                continue;
            }
            double ratio = median > 0 ? latest / median : Double.POSITIVE_INFINITY;
            String summary = c.id() + " took " + Wording.millis(latest) + " to activate, "
                    + (median > 0 ? Wording.times(ratio) + " its median" : "far above its median") + " ("
                    + Wording.millis(median) + " over " + Wording.count(earlier.length, "activation") + ")";
            List<String> evidence = List.of(
                    "latest activation: " + Wording.millis(latest),
                    "earlier " + Wording.count(earlier.length, "activation") + ": median "
                            + Wording.millis(median) + ", MAD " + Wording.millis(mad) + ", fastest "
                            + Wording.millis(min(earlier)) + ", slowest " + Wording.millis(max(earlier)),
                    "reported above "
                            + Wording.millis(Math.max(
                                    threshold, Math.max(MIN_SLOWDOWN * median, median + MIN_EXTRA_TIME.toMillis())))
                            + ": median + " + Wording.decimal(OUTLIER_SIGMAS, 1) + " x 1.4826 x MAD, at least "
                            + Wording.times(MIN_SLOWDOWN) + " the median and " + Wording.duration(MIN_EXTRA_TIME)
                            + " more",
                    "look at what changed before it (a new version, its dependencies, the machine's load)");
            found.add(new Ranked(
                    ratio,
                    new Advice(
                            AdviceKind.SLOW_ACTIVATION,
                            List.of(c.id()),
                            summary,
                            evidence,
                            "registry:audit --component " + c.id() + " --limit 20")));
        }
        return sorted(found);
    }

    /**
     * The unusual error rates, the largest rise first.
     *
     * @param components what was observed
     * @param now when it was observed
     * @param observedSince when the registry started counting
     * @return one advice per component with unusually many errors in the last hour
     */
    static List<Advice> errorRates(List<ComponentFacts> components, Instant now, Instant observedSince) {
        Instant recentStart = now.minus(RECENT);
        List<Ranked> found = new ArrayList<>();
        for (ComponentFacts c : components) {
            int hours = earlierHours(c.errorTimes(), recentStart, observedSince);
            if (hours < MIN_ERROR_HOURS) {
                continue;
            }
            double[] hourly = new double[hours];
            int recent = 0;
            for (Instant at : c.errorTimes()) {
                if (at.isAfter(recentStart) && !at.isAfter(now)) {
                    recent++;
                } else if (!at.isAfter(recentStart)) {
                    long hoursBefore = Duration.between(at, recentStart).toNanos() / RECENT.toNanos();
                    if (hoursBefore < hours) {
                        hourly[(int) hoursBefore]++;
                    }
                }
            }
            if (recent < MIN_RECENT_ERRORS) {
                continue;
            }
            double median = RobustStats.median(hourly);
            double mad = RobustStats.mad(hourly, median);
            double mean = RobustStats.mean(hourly);
            if (recent <= median + OUTLIER_SIGMAS * RobustStats.MAD_TO_SIGMA * mad || recent < MIN_RISE * mean) {
                continue;
            }
            int earlier = (int) Math.round(RobustStats.mean(hourly) * hours);
            String before = earlier == 0
                    ? "none in the " + Wording.count(hours, "hour") + " before"
                    : Wording.decimal(mean, 2) + " an hour before (" + Wording.count(earlier, "error") + " in "
                            + Wording.count(hours, "hour") + "), " + Wording.times(recent / mean) + " that";
            String summary = c.id() + " had " + Wording.count(recent, "error") + " in the last hour against " + before;
            List<String> evidence = List.of(
                    Wording.count(recent, "error") + " between " + recentStart + " and " + now,
                    "the " + Wording.count(hours, "hour") + " before: " + Wording.count(earlier, "error")
                            + ", mean " + Wording.decimal(mean, 2) + " an hour, median " + Wording.decimal(median, 1)
                            + ", MAD " + Wording.decimal(mad, 1) + ", most in one hour " + (long) max(hourly),
                    "its error history (registry:info " + c.id() + ") says what failed");
            found.add(new Ranked(
                    recent - mean,
                    new Advice(AdviceKind.ERROR_RATE, List.of(c.id()), summary, evidence, "registry:info " + c.id())));
        }
        return sorted(found);
    }

    /**
     * The full hours before the last one whose errors are all known: since the registry started counting,
     * or, when the history may have dropped older errors ({@value #KEPT_ERRORS} kept or more), since the
     * oldest error kept (its own hour excluded), the last {@value #MAX_ERROR_HOURS} at most.
     */
    private static int earlierHours(List<Instant> errors, Instant recentStart, Instant observedSince) {
        Instant start = observedSince;
        if (errors.size() >= KEPT_ERRORS) {
            Instant oldest = errors.stream().min(Instant::compareTo).orElseThrow();
            start = oldest.isAfter(start) ? oldest : start;
        }
        long full = Duration.between(start, recentStart).toHours();
        return (int) Math.max(0, Math.min(full, MAX_ERROR_HOURS));
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static List<Advice> sorted(List<Ranked> found) {
        return found.stream()
                .sorted(Comparator.comparingDouble(Ranked::score)
                        .reversed()
                        .thenComparing(r -> r.advice().components().get(0)))
                .map(Ranked::advice)
                .toList();
    }

    /** An advice and how strongly it is called for. */
    private record Ranked(double score, Advice advice) {}
}
