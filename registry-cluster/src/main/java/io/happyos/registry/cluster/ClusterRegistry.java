package io.happyos.registry.cluster;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The cluster as this node sees it, published as an OSGi service by the registry-cluster bundle
 * when the container was started with {@code --cluster}.
 *
 * <p>Each node publishes its own components to ZooKeeper, under its session, and caches every other
 * node's: queries read that cache and never wait for the network. A node changes only its own
 * registry; it acts on another node's components by asking that node ({@link #activate}), which
 * carries the change out through its own registry and audits it under the asking actor
 * ({@code node:NAME/ACTOR}).
 *
 * <p>Every method may be called from any thread. Operations that involve another node return a
 * {@link CompletionStage} that fails with {@link ClusterException} when the node is unknown, leaves
 * or does not answer in time.
 */
@ProviderType
public interface ClusterRegistry {

    /** The manifest header with which a bundle publishes endpoints (comma-separated; {@code {host}} is replaced). */
    String ENDPOINT_HEADER = "HappyOS-Endpoint";

    /** The manifest header that makes a bundle a singleton when {@code true}: ACTIVE on one node at a time. */
    String SINGLETON_HEADER = "HappyOS-Singleton";

    /** @return this node's name */
    String nodeName();

    /**
     * Whether this node's view is stale: its ZooKeeper session is suspended or lost, so other nodes
     * may have changed unseen. The local registry works on regardless.
     *
     * @return whether the view is stale
     */
    boolean isStale();

    /** @return every live node, this one included, sorted by name */
    List<ClusterNode> getNodes();

    /**
     * The components of every node.
     *
     * @param node only this node's, or {@code null} for all
     * @param type only of this type, or {@code null} for all
     * @param status only with this status, or {@code null} for all
     * @return the components, sorted by node then id
     */
    List<ClusterComponent> getComponents(String node, String type, ComponentStatus status);

    /**
     * The ACTIVE instances of a component across the cluster, for service discovery.
     *
     * @param nameOrType a component name, or a type (all the components of that type)
     * @return the instances, sorted by node; empty when none is ACTIVE
     */
    List<ClusterComponent> getInstances(String nameOrType);

    /**
     * One ACTIVE instance of a component across the cluster, for load balancing.
     *
     * @param nameOrType a component name or type
     * @param strategy how to choose
     * @return the instance, or empty when none is ACTIVE
     */
    Optional<ClusterComponent> pick(String nameOrType, PickStrategy strategy);

    /**
     * Why two nodes differ: components on one and not the other, in different versions or
     * statuses (compared by name). For a component ACTIVE on one and not the other, the
     * explanation of the node where it is not ACTIVE is fetched from that node.
     *
     * @param left the first node
     * @param right the second node
     * @return the differences, sorted by name; fails with {@link ClusterException} for an unknown node
     */
    CompletionStage<List<ClusterDifference>> diff(String left, String right);

    /**
     * Asks a node to activate one of its components.
     *
     * @param node the node
     * @param id the component's id or name on that node
     * @return what the node did; fails with {@link ClusterException} when the node is unknown,
     *     leaves or does not answer in time
     */
    CompletionStage<RemoteResult> activate(String node, String id);

    /**
     * Asks a node to deactivate one of its components.
     *
     * @param node the node
     * @param id the component's id or name on that node
     * @return what the node did, as {@link #activate}
     */
    CompletionStage<RemoteResult> deactivate(String node, String id);

    /**
     * Activates (or deactivates) a component on every node that has it, one node at a time in
     * the order of node names, stopping at the first failure.
     *
     * @param name the component's name
     * @param activate {@code true} to activate, {@code false} to deactivate
     * @return one result per node asked, the failed one last; empty when no node has it
     */
    CompletionStage<List<RemoteResult>> rollingChange(String name, boolean activate);

    /**
     * Asks a node why one of its components has its status ({@code registry:why} there).
     *
     * @param node the node
     * @param id the component's id or name on that node
     * @return the node's answer; its message is the explanation
     */
    CompletionStage<RemoteResult> explain(String node, String id);

    /**
     * The singleton components known to the cluster and the node that runs each.
     *
     * @return by component name, the node where it is ACTIVE, or {@code null} when it runs nowhere
     */
    Map<String, String> getSingletons();

    /**
     * The fencing token of a singleton's current leadership on this node: it grows each time
     * leadership of that singleton passes to a node, so work stamped with it can be told apart
     * from the work of an earlier leader.
     *
     * @param name the singleton component's name
     * @return the token, or empty when this node does not lead it
     */
    Optional<Long> fencingToken(String name);

    /**
     * Adds a listener told of every change in the view.
     *
     * @param listener the listener
     * @return a handle that removes it
     */
    Registration addListener(ClusterListener listener);
}
