package io.happyos.registry;

import java.util.List;
import java.util.Objects;

/**
 * A recommendation from what the registry has observed.
 *
 * @param kind what it is about
 * @param components the components concerned, the first the main one
 * @param summary the recommendation in one sentence, e.g. {@code "weather-skill took 2.4 s to activate,
 *     8x its median"}
 * @param evidence the observations behind it, in words and numbers
 * @param command the shell command that applies it, or {@code null} when none does
 * @since 2.3
 */
public record Advice(AdviceKind kind, List<String> components, String summary, List<String> evidence, String command) {

    /**
     * Checks and copies.
     *
     * @param kind what it is about
     * @param components the components
     * @param summary the sentence
     * @param evidence the observations
     * @param command the command, or {@code null}
     */
    public Advice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        components = List.copyOf(components);
        evidence = List.copyOf(evidence);
    }
}
