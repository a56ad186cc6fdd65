package io.happyos.registry.core.graph;

/**
 * A set of small non-negative ints that hands out its smallest member first: a tree of 64-bit words,
 * each bit of a level telling whether the word below it holds any member, all levels in one array.
 * Adding and taking the smallest cost one word per level (three levels up to 262,144 members, four
 * up to 16 million), no comparisons and no allocation; used by Kahn's algorithm to break ties by rank.
 */
final class ReadyQueue {

    private final long[] words;
    /** Where each level starts in {@link #words}, leaves first. */
    private final int[] start;

    private final int top;

    /**
     * An empty queue.
     *
     * @param size members are below this
     */
    ReadyQueue(int size) {
        int[] offsets = new int[8];
        int levels = 0;
        int total = 0;
        int n = size;
        do {
            int count = Math.max(1, (n + 63) >>> 6);
            offsets[levels++] = total;
            total += count;
            n = count;
        } while (n > 1);
        start = java.util.Arrays.copyOf(offsets, levels);
        top = start[levels - 1];
        words = new long[total];
    }

    /**
     * Adds a member.
     *
     * @param member below the size
     */
    void add(int member) {
        long[] w = words;
        int i = member;
        for (int level : start) {
            int at = level + (i >>> 6);
            long before = w[at];
            w[at] = before | 1L << i;
            if (before != 0) {
                return;
            }
            i >>>= 6;
        }
    }

    /** @return whether there is no member */
    boolean isEmpty() {
        return words[top] == 0;
    }

    /**
     * Removes and returns the smallest member; the queue must not be empty.
     *
     * @return the member
     */
    int poll() {
        long[] w = words;
        int[] s = start;
        int i = 0;
        for (int k = s.length - 1; k >= 0; k--) {
            i = i << 6 | Long.numberOfTrailingZeros(w[s[k] + i]);
        }
        int j = i;
        for (int level : s) {
            int at = level + (j >>> 6);
            long after = w[at] & ~(1L << j);
            w[at] = after;
            if (after != 0) {
                break;
            }
            j >>>= 6;
        }
        return i;
    }
}
