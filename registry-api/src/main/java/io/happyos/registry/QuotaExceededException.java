package io.happyos.registry;

import java.util.Objects;

/**
 * A quota refused an operation, or the calls it allows per second were used up. Nothing was changed.
 * The message names the quota, its value, the use and the fix, for example {@code "quota max-active
 * of type:skill is 2 and 2 are active (calculator-skill, weather-skill): activating greeting-skill would
 * make 3; deactivate one, or raise the quota with registry:quota set type:skill max-active 3"}.
 *
 * @since 2.3
 */
public class QuotaExceededException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /** The quota that refused. */
    private final transient Quota quota;
    /** The component the operation was for, or {@code null}. */
    private final String componentId;
    /** The use before the operation. */
    private final double used;

    /**
     * The refusal.
     *
     * @param quota the quota that refused
     * @param componentId the component the operation was for
     * @param used the use counted against the quota before the operation
     * @param message the sentence, naming the quota, its value, the use and the fix
     */
    public QuotaExceededException(Quota quota, String componentId, double used, String message) {
        super(message);
        this.quota = Objects.requireNonNull(quota, "quota");
        this.componentId = componentId;
        this.used = used;
    }

    /**
     * The quota that refused.
     *
     * @return the quota
     */
    public Quota quota() {
        return quota;
    }

    /**
     * The component the operation was for.
     *
     * @return its id, or {@code null}
     */
    public String componentId() {
        return componentId;
    }

    /**
     * The use counted against the quota before the operation.
     *
     * @return the use, in the quota's unit
     */
    public double used() {
        return used;
    }
}
