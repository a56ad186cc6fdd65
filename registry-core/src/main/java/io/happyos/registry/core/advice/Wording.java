package io.happyos.registry.core.advice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How figures read in advice: short, rounded, with their unit, the same everywhere. */
final class Wording {

    private Wording() {}

    /**
     * A duration: {@code 850 ms}, {@code 2.4 s}, {@code 3.5 min}.
     *
     * @param d the duration
     * @return the text
     */
    static String duration(Duration d) {
        return millis(d.toNanos() / 1e6);
    }

    /**
     * A duration in milliseconds.
     *
     * @param ms milliseconds
     * @return {@code 850 ms}, {@code 2.4 s}, {@code 3.5 min}
     */
    static String millis(double ms) {
        if (ms < 1_000) {
            return decimal(ms, ms < 10 ? 1 : 0) + " ms";
        }
        if (ms < 60_000) {
            return decimal(ms / 1_000, 1) + " s";
        }
        return decimal(ms / 60_000, 1) + " min";
    }

    /**
     * How many times larger one figure is than another: {@code 2.5x}, {@code 8x}, {@code 12x}.
     *
     * @param ratio the ratio
     * @return the text
     */
    static String times(double ratio) {
        return decimal(ratio, ratio < 10 ? 1 : 0) + "x";
    }

    /**
     * Bytes per second: {@code 512 B/s}, {@code 12 KB/s}, {@code 3.5 MB/s}, {@code 1.2 GB/s}.
     *
     * @param bytesPerSecond the rate
     * @return the text
     */
    static String rate(double bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /**
     * A size: {@code 512 B}, {@code 12 KB}, {@code 3.5 MB}, {@code 1.2 GB} (powers of 1,024).
     *
     * @param bytes the size
     * @return the text
     */
    static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return decimal(v, v < 10 && unit > 0 ? 1 : 0) + " " + units[unit];
    }

    /**
     * A count with its noun: {@code 1 thread}, {@code 3 threads}.
     *
     * @param n the count
     * @param noun the noun in the singular; the plural adds an {@code s}
     * @return the text
     */
    static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /**
     * A number rounded for reading: {@code 2}, {@code 2.5}, {@code 0.04}.
     *
     * @param v the number
     * @param scale at most this many decimals; trailing zeros are dropped
     * @return the text
     */
    static String decimal(double v, int scale) {
        BigDecimal d =
                BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /**
     * A percentage of one core: {@code 42%}, {@code 4.5%}.
     *
     * @param percent the percentage
     * @return the text
     */
    static String percent(double percent) {
        return decimal(percent, percent < 10 ? 1 : 0) + "%";
    }
}
