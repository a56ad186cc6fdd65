package io.happyos.registry.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Counts the units of {@code cluster:} quota scopes across the nodes of a cluster. The cluster
 * bundle publishes it while this node is a member; the registry uses it for quotas scoped
 * {@code cluster:type:T}, and counts this node alone while there is none.
 *
 * <p>A unit is held by one component on one node; a node that leaves the cluster (or dies) releases
 * its units.
 *
 * @since 2.1
 */
@ConsumerType
public interface ClusterQuotaLedger {

    /**
     * Takes a unit of a scope for a component of this node when the units held across the cluster
     * stay within the limit; atomic across the nodes. Taking a unit the component already holds
     * succeeds and takes nothing more.
     *
     * @param scope the quota's scope, e.g. {@code cluster:type:skill}
     * @param componentId the component on this node
     * @param limit the units the whole cluster may hold
     * @return -1 when taken; else the units held across the cluster, which leave none for it
     * @throws Exception when the cluster cannot be reached (the registry then refuses, saying so)
     */
    long tryAcquire(String scope, String componentId, long limit) throws Exception;

    /**
     * Gives back the unit a component of this node holds; nothing when it holds none.
     *
     * @param scope the quota's scope
     * @param componentId the component on this node
     * @throws Exception when the cluster cannot be reached
     */
    void release(String scope, String componentId) throws Exception;

    /**
     * The units of a scope held across the cluster.
     *
     * @param scope the quota's scope
     * @return the units held
     * @throws Exception when the cluster cannot be reached
     */
    long held(String scope) throws Exception;
}
