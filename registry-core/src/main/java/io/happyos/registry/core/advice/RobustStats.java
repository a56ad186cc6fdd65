package io.happyos.registry.core.advice;

import java.util.Arrays;
import java.util.List;

/**
 * Median and median absolute deviation (MAD): a centre and a spread that a few outliers in the history
 * do not move, unlike the mean and the standard deviation.
 */
final class RobustStats {

    /** Scales a MAD to the standard deviation of normally distributed values. */
    static final double MAD_TO_SIGMA = 1.4826;

    private RobustStats() {}

    /**
     * The median.
     *
     * @param values at least one value
     * @return the middle value, or the mean of the two middle values
     * @throws IllegalArgumentException when there is none
     */
    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * The median absolute deviation from the median.
     *
     * @param values at least one value
     * @param median their median
     * @return the median of {@code |x - median|}; 0 when at least half the values equal the median
     */
    static double mad(double[] values, double median) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations);
    }

    /**
     * The mean.
     *
     * @param values at least one value
     * @return their mean
     */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * Numbers from a list.
     *
     * @param values the values
     * @return them as an array
     */
    static double[] of(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }
}
