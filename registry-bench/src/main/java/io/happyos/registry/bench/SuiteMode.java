package io.happyos.registry.bench;

/** How long the suite may take: a quick look, or the figures for a closing note. */
public enum SuiteMode {
    /** A few minutes in all: smaller inputs, fewer repetitions. */
    SHORT,
    /** The full sizes the targets are stated for; under 15 minutes on 2 cores. */
    FULL
}
