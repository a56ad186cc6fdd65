package io.happyos.registry.core.stats;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.HealthStats;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.UsageStats;
import java.util.Collection;

/** Health and usage figures computed from counts and entries. Pure functions. */
public final class Statistics {

    private Statistics() {}

    /**
     * The health of the components.
     *
     * @param total every component
     * @param error components in {@link ComponentStatus#ERROR}
     * @param inactive components in {@link ComponentStatus#INACTIVE}
     * @return the figures; the health percentage is 1 when there is no component
     * @throws IllegalArgumentException when a count is negative or {@code error + inactive > total}
     */
    public static HealthStats health(int total, int error, int inactive) {
        return health(total, error, inactive, 0);
    }

    /**
     * The health of the components, with those that should be running and are not.
     *
     * @param total every component
     * @param error components in {@link ComponentStatus#ERROR}
     * @param inactive components in {@link ComponentStatus#INACTIVE}
     * @param down other components that should be running and are not
     * @return the figures; the health percentage is 1 when there is no component
     * @throws IllegalArgumentException when a count is negative or {@code error + inactive + down > total}
     */
    public static HealthStats health(int total, int error, int inactive, int down) {
        if (total < 0 || error < 0 || inactive < 0 || down < 0 || (long) error + inactive + down > total) {
            throw new IllegalArgumentException("inconsistent counts: total " + total + ", error " + error
                    + ", inactive " + inactive + ", down " + down);
        }
        int healthy = total - error - inactive - down;
        double percentage = total == 0 ? 1.0 : (double) healthy / total;
        return new HealthStats(total, healthy, error, inactive, down, percentage);
    }

    /**
     * How much the components are used.
     *
     * @param entries every component
     * @return the figures; {@code mostAccessed} is the id with the highest access count (the
     *     smallest id on a tie), {@code null} when every count is 0
     */
    public static UsageStats usage(Collection<RegistryEntry> entries) {
        int active = 0;
        long accesses = 0;
        String mostAccessed = null;
        long most = 0;
        for (RegistryEntry entry : entries) {
            if (entry.status() == ComponentStatus.ACTIVE) {
                active++;
            }
            long count = entry.accessCount();
            accesses += count;
            if (count > 0 && (count > most || count == most && entry.id().compareTo(mostAccessed) < 0)) {
                most = count;
                mostAccessed = entry.id();
            }
        }
        int total = entries.size();
        double average = total == 0 ? 0.0 : (double) accesses / total;
        return new UsageStats(total, active, accesses, average, mostAccessed);
    }
}
