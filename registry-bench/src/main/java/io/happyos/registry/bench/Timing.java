package io.happyos.registry.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Times a whole operation over repetitions, after warm-up, for the scenario benchmarks: the figures
 * are milliseconds per run; the median is what tables show.
 */
final class Timing {

    /** Keeps results alive so the JIT cannot drop the work. */
    static volatile long sink;

    private Timing() {}

    /**
     * Runs the body {@code warmups} times unmeasured, then up to {@code runs} times measured; stops
     * measuring early once at least three runs took more than {@code budgetSeconds} in all.
     *
     * @param warmups unmeasured runs
     * @param runs measured runs at most
     * @param budgetSeconds time after which measuring stops (with at least three runs)
     * @param body the operation; returns something derived from its result
     * @return the measured times in ms, sorted
     */
    static double[] millis(int warmups, int runs, double budgetSeconds, LongSupplier body) {
        for (int i = 0; i < warmups; i++) {
            sink += body.getAsLong();
        }
        double[] times = new double[runs];
        long started = System.nanoTime();
        int done = 0;
        while (done < runs) {
            long t0 = System.nanoTime();
            sink += body.getAsLong();
            times[done++] = (System.nanoTime() - t0) / 1e6;
            if (done >= 3 && System.nanoTime() - started > budgetSeconds * 1e9) {
                break;
            }
        }
        double[] measured = Arrays.copyOf(times, done);
        Arrays.sort(measured);
        return measured;
    }

    /**
     * Like {@link #millis} for operations that need a fresh input each run: the body builds its input,
     * times only the operation itself and returns the nanoseconds it took.
     *
     * @param warmups unmeasured runs
     * @param runs measured runs
     * @param body builds, runs and returns the operation's own time in ns
     * @return the measured times in ms, sorted
     */
    static double[] selfTimed(int warmups, int runs, LongSupplier body) {
        for (int i = 0; i < warmups; i++) {
            sink += body.getAsLong();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = body.getAsLong() / 1e6;
        }
        Arrays.sort(times);
        return times;
    }

    /**
     * @param sorted sorted figures
     * @return the median
     */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * @param sorted sorted figures
     * @return the 95th percentile (nearest rank)
     */
    static double p95(double[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
    }

    /** Asks for a collection between contenders, so one's garbage is not the next one's pause. */
    static void settle() {
        System.gc();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
