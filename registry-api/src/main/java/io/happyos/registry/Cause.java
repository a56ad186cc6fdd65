package io.happyos.registry;

import java.util.List;
import java.util.Objects;

/**
 * One reason in an {@link Explanation}: what is wrong, with which component, why we think so,
 * and, for a root cause, what to do about it.
 *
 * @param kind what kind of reason it is
 * @param componentId the component the reason is about (the one to fix for a root cause)
 * @param message what is wrong, in words ("requires package com.acme.log in [1.2.0,2.0.0)")
 * @param fix what to do, in words, for a root cause ("install a bundle providing package ...");
 *     {@code null} for a cause whose children say what to fix
 * @param evidence the facts behind it: requirements, installed versions, cycle edges with their
 *     origins, error-history entries; never {@code null}
 * @param causes the causes of this one, ranked (most likely root first); empty for a root cause
 */
public record Cause(
        CauseKind kind, String componentId, String message, String fix, List<String> evidence, List<Cause> causes) {

    /**
     * Checks and copies.
     *
     * @param kind what kind of reason it is
     * @param componentId the component the reason is about
     * @param message what is wrong
     * @param fix what to do, required for a root cause
     * @param evidence the facts behind it ({@code null}: none)
     * @param causes the causes of this one ({@code null}: none, a root cause)
     * @throws NullPointerException when kind, componentId or message is missing
     * @throws IllegalArgumentException when a root cause has no fix
     */
    public Cause {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        causes = causes == null ? List.of() : List.copyOf(causes);
        if (causes.isEmpty() && (fix == null || fix.isBlank())) {
            throw new IllegalArgumentException("a root cause needs a fix: " + message);
        }
    }

    /**
     * A root cause: nothing below it explains it further.
     *
     * @param kind what kind of reason it is
     * @param componentId the component to fix
     * @param message what is wrong
     * @param fix what to do about it
     * @param evidence the facts behind it
     * @return the cause
     */
    public static Cause root(CauseKind kind, String componentId, String message, String fix, List<String> evidence) {
        return new Cause(kind, componentId, message, fix, evidence, List.of());
    }

    /**
     * Whether this is a root cause (it has no causes of its own).
     *
     * @return {@code true} for a leaf of the tree
     */
    public boolean isRoot() {
        return causes.isEmpty();
    }
}
