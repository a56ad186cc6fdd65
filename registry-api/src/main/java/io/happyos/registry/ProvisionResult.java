package io.happyos.registry;

import java.util.List;
import java.util.Objects;

/**
 * What one provisioning operation did.
 *
 * @param sets the sets provisioned (or forgotten), by name, unmodifiable
 * @param changes one per bundle concerned, in the order they were handled, unmodifiable
 */
public record ProvisionResult(List<String> sets, List<Change> changes) {

    /**
     * Checks and copies the fields.
     *
     * @param sets the sets
     * @param changes the changes
     */
    public ProvisionResult {
        sets = List.copyOf(sets);
        changes = List.copyOf(changes);
    }

    /** What happened to one bundle. */
    public enum Action {
        /** Installed now. */
        INSTALLED,
        /** Installed before from the same location, with other content: updated. */
        UPDATED,
        /** Installed before with the same content: left as it was. */
        UNCHANGED,
        /** The same bundle (symbolic name and version) is installed from another location: that one is used. */
        PRESENT,
        /** No longer listed by any set: uninstalled. */
        REMOVED
    }

    /**
     * What happened to one bundle.
     *
     * @param location the bundle's location
     * @param componentId its entry, or {@code null} when it has none (after {@link Action#REMOVED})
     * @param action what happened
     * @param detail more, in words (may be empty)
     */
    public record Change(String location, String componentId, Action action, String detail) {

        /**
         * Checks the fields.
         *
         * @param location the location
         * @param componentId the entry, or {@code null}
         * @param action what happened
         * @param detail more
         * @throws NullPointerException when {@code location}, {@code action} or {@code detail} is null
         */
        public Change {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The changes with one action.
     *
     * @param action the action
     * @return those changes, in order
     */
    public List<Change> changes(Action action) {
        return changes.stream().filter(c -> c.action() == action).toList();
    }
}
