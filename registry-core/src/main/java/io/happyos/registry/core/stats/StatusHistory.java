package io.happyos.registry.core.stats;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.StatusChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent status changes, for {@code getRecentStatusChanges}: a fixed ring of the last
 * {@code capacity} changes, each numbered in the order recorded.
 *
 * <p>Thread-safe. Recording takes one short lock and one allocation; it runs where a change is
 * published, under the component's monitor, so each component's changes are in order.
 */
public final class StatusHistory {

    /** How many changes the registry keeps. */
    public static final int DEFAULT_CAPACITY = 1000;

    private final StatusChange[] ring;
    private final Clock clock;
    private long recorded; // also the sequence number of the newest change

    /**
     * An empty history.
     *
     * @param capacity how many changes to keep, at least 1
     * @param clock when changes happen
     * @throws IllegalArgumentException when {@code capacity} is less than 1
     */
    public StatusHistory(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a status history keeps at least 1 change, not " + capacity);
        }
        this.ring = new StatusChange[capacity];
        this.clock = clock;
    }

    /**
     * Records a change, dropping the oldest when full. A "change" to the same status is ignored.
     *
     * @param id the component
     * @param from its status before, or {@code null} when registered
     * @param to its status after, or {@code null} when unregistered
     */
    public void record(String id, ComponentStatus from, ComponentStatus to) {
        if (from == to) {
            return;
        }
        synchronized (ring) {
            recorded++;
            ring[(int) ((recorded - 1) % ring.length)] = new StatusChange(recorded, id, from, to, clock.instant());
        }
    }

    /**
     * The newest changes.
     *
     * @param limit at most this many
     * @return oldest first, unmodifiable
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    public List<StatusChange> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("ask for at least 1 status change, not " + limit);
        }
        synchronized (ring) {
            int count = (int) Math.min(Math.min(limit, ring.length), recorded);
            List<StatusChange> out = new ArrayList<>(count);
            for (long seq = recorded - count + 1; seq <= recorded; seq++) {
                out.add(ring[(int) ((seq - 1) % ring.length)]);
            }
            return List.copyOf(out);
        }
    }
}
