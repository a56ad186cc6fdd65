package io.happyos.registry;

/**
 * Where a component stands in its life cycle.
 *
 * <p>For a component backed by a bundle the status follows the bundle: installed or resolved is
 * {@link #REGISTERED}, started is {@link #ACTIVE}, stopped after having been started is
 * {@link #INACTIVE}, and a failed resolve or start is {@link #ERROR}.
 */
public enum ComponentStatus {
    /** Found (for example a file in the bundles folder) but not yet registered. */
    DISCOVERED,
    /** Registered but not active: installed, possibly resolved, never started or not yet started. */
    REGISTERED,
    /** Currently active and available. */
    ACTIVE,
    /** Temporarily deactivated: it was active and has been stopped. */
    INACTIVE,
    /** In error: the last activation failed or the error was set by hand; see the error history. */
    ERROR
}
