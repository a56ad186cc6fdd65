package io.happyos.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often, and how far apart, to try an activation again: attempt {@code n} (from 2) waits
 * {@code initialDelay * multiplier^(n-2)}, at most {@code maxDelay}.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialDelay the wait before the second attempt
 * @param multiplier how much each wait grows, at least 1
 * @param maxDelay the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /**
     * Checks the fields.
     *
     * @param maxAttempts attempts in all
     * @param initialDelay the first wait
     * @param multiplier the growth of the waits
     * @param maxDelay the longest wait
     * @throws IllegalArgumentException for fewer than one attempt, a negative delay or a multiplier
     *     below 1
     */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
    }

    /**
     * Exponential backoff doubling from {@code initialDelay}, up to a minute.
     *
     * @param maxAttempts attempts in all
     * @param initialDelay the wait before the second attempt
     * @return the policy
     */
    public static RetryPolicy exponential(int maxAttempts, Duration initialDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, 2.0, Duration.ofMinutes(1));
    }

    /**
     * The wait before an attempt.
     *
     * @param attempt the attempt's number, from 2
     * @return how long to wait before it
     */
    public Duration delayBefore(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
