package io.happyos.registry.cluster;

/**
 * How {@link ClusterRegistry#pick} chooses one of the ACTIVE instances of a component across the
 * cluster.
 */
public enum PickStrategy {
    /** Each in turn, per name asked for, in the order of node names. */
    ROUND_ROBIN,
    /** Any, uniformly at random. */
    RANDOM,
    /** The one picked last time for that name, as long as it is still ACTIVE; else round-robin. */
    STICKY,
    /** The one with the fewest accesses, as its node last published them. */
    LEAST_ACCESSED
}
