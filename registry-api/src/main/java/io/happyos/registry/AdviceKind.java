package io.happyos.registry;

/**
 * What a piece of {@link Advice} is about.
 *
 * @since 2.3
 */
public enum AdviceKind {
    /** A component never used since it was activated: deactivating it frees its threads and memory. */
    UNUSED,
    /** An activation much slower than the component's own history. */
    SLOW_ACTIVATION,
    /** Errors much more frequent than the component's own history. */
    ERROR_RATE,
    /** Components always used together: activate or provision them as one batch or set. */
    USED_TOGETHER,
    /** A quota suggested from the observed peaks. */
    QUOTA,
    /** A dependency declared and never used. */
    UNUSED_DEPENDENCY,
    /** A dependency used and not declared. */
    UNDECLARED_DEPENDENCY
}
