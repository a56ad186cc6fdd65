package io.happyos.registry;

/**
 * What kind of reason a {@link Cause} gives, from the most structural (the framework cannot even
 * resolve the bundle) to the most ordinary (nobody asked for it to be activated).
 */
public enum CauseKind {
    /** A component quarantined by the bundles folder: its file is not a valid bundle. */
    QUARANTINED,
    /** A requirement that nothing installed provides in any version. */
    MISSING_REQUIREMENT,
    /** A requirement that installed bundles provide, but not in the version range asked for. */
    WRONG_VERSION,
    /** Two bundles bring two versions of one package into the component's class space. */
    USES_CONFLICT,
    /** A requirement whose provider is installed but cannot resolve or start itself (see the children). */
    PROVIDER_NOT_RESOLVED,
    /** The component is on a dependency cycle; the path and the edges' origins are the evidence. */
    CYCLE,
    /** A Declarative Services reference that no service satisfies. */
    UNSATISFIED_REFERENCE,
    /** The bundle's activator (or the component's activation) threw. */
    ACTIVATION_FAILED,
    /** An activator, hook or factory did not return within the registry's timeout. */
    TIMED_OUT,
    /** A lifecycle hook threw or vetoed the operation. */
    HOOK_FAILED,
    /** A dependency is not active (see the children for why). */
    DEPENDENCY_NOT_ACTIVE,
    /** The component was put in ERROR by a person or a program, with a message. */
    MARKED_ERROR,
    /** An error that fits none of the kinds above; its message is the component's last error. */
    OTHER_ERROR,
    /**
     * The component is held back by a hook for a reason that is not an error (for example a singleton
     * running on another node); the reason is the message.
     *
     * @since 2.1
     */
    HELD,
    /**
     * A quota refused the component: activating it would exceed an admission limit, or it was
     * deactivated for breaking an enforced resource limit. The message names the quota, its value and
     * the use; the fix how to raise or remove it.
     *
     * @since 2.3
     */
    QUOTA,
    /** Nothing is wrong, the component was simply never activated or was deactivated. */
    NOT_ACTIVATED
}
