package io.happyos.registry.core.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of small non-negative ints that hands out its smallest member first: a tree of 64-bit words,
 * each bit of a level telling whether the word below it holds any member. Adding and taking the
 * smallest cost one word per level (three levels up to 262,144 members, four up to 16 million), no
 * comparisons and no allocation; used by Kahn's algorithm to break ties by rank.
 */
final class ReadyQueue {

    private final long[][] levels;

    /**
     * An empty queue.
     *
     * @param size members are below this
     */
    ReadyQueue(int size) {
        List<long[]> built = new ArrayList<>();
        int n = size;
        do {
            int words = Math.max(1, (n + 63) >>> 6);
            built.add(new long[words]);
            n = words;
        } while (n > 1);
        levels = built.toArray(new long[0][]);
    }

    /**
     * Adds a member.
     *
     * @param member below the size
     */
    void add(int member) {
        int i = member;
        for (long[] level : levels) {
            int w = i >>> 6;
            long before = level[w];
            level[w] = before | 1L << i;
            if (before != 0) {
                return;
            }
            i = w;
        }
    }

    /** @return whether there is no member */
    boolean isEmpty() {
        return levels[levels.length - 1][0] == 0;
    }

    /**
     * Removes and returns the smallest member; the queue must not be empty.
     *
     * @return the member
     */
    int poll() {
        int i = 0;
        for (int k = levels.length - 1; k >= 0; k--) {
            i = i << 6 | Long.numberOfTrailingZeros(levels[k][i]);
        }
        int j = i;
        for (long[] level : levels) {
            int w = j >>> 6;
            long after = level[w] & ~(1L << j);
            level[w] = after;
            if (after != 0) {
                break;
            }
            j = w;
        }
        return i;
    }
}
