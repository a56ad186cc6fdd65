package io.happyos.registry.bench.cluster;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Registration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ours: a component of node A is activated or deactivated through A's registry, and node B's
 * {@code ClusterRegistry} listener sees its new status. On the way: A's lifecycle thread starts or
 * stops the bundle, A's status listener hands the change to A's cluster thread, which writes the
 * component's record (one {@code setData}); B's {@code CuratorCache} reads it and B's view parses it
 * and tells its listeners.
 *
 * <p>Also times the part of it spent in A's registry: from the call to a status listener this class
 * adds on A, which the registry calls right after registry-cluster's own (it runs a component's
 * callbacks one after another, in the order they were added); the rest is registry-cluster's and
 * ZooKeeper's.
 */
final class RegistryPropagation implements PropagationPath {

    private static final long TIMEOUT_SECONDS = 10;

    private record Sighting(ComponentStatus status, long at) {}

    private final RealNode writer;
    private final String id;
    private final BlockingQueue<Sighting> remote = new LinkedBlockingQueue<>();
    private final BlockingQueue<Sighting> local = new LinkedBlockingQueue<>();
    private final Registration remoteListener;
    private final Registration localListener;
    private ComponentStatus current;
    private long lastLocalPart;

    /**
     * @param writer node A, which has the component
     * @param reader node B, whose view is watched
     * @param id the component on A, already in B's view
     */
    RegistryPropagation(RealNode writer, RealNode reader, String id) {
        this.writer = writer;
        this.id = id;
        this.current = writer.registry.getComponent(id).status();
        this.remoteListener = reader.cluster.addListener((node, componentId, component) -> {
            if (component != null && node.equals(writer.name) && componentId.equals(id)) {
                remote.add(new Sighting(component.status(), System.nanoTime()));
            }
        });
        this.localListener = writer.registry.lifecycle().addStatusListener((componentId, from, to) -> {
            if (componentId.equals(id)) {
                local.add(new Sighting(to, System.nanoTime()));
            }
        });
    }

    @Override
    public long change() throws Exception {
        ComponentStatus target = current == ComponentStatus.ACTIVE ? ComponentStatus.INACTIVE : ComponentStatus.ACTIVE;
        remote.clear();
        local.clear();
        long start = System.nanoTime();
        CompletionStage<?> done = target == ComponentStatus.ACTIVE
                ? writer.registry.activateComponent(id)
                : writer.registry.deactivateComponent(id);
        long seen = awaitStatus(remote, target, "node B's view");
        lastLocalPart = awaitStatus(local, target, "node A's status listener") - start;
        Object result = done.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (Boolean.FALSE.equals(result)) {
            throw new IllegalStateException("node A did not activate " + id);
        }
        current = target;
        return seen - start;
    }

    /** @return of the last change, the nanoseconds from the call to node A's own status listener */
    long lastLocalPart() {
        return lastLocalPart;
    }

    private static long awaitStatus(BlockingQueue<Sighting> queue, ComponentStatus target, String where)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            Sighting s = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (s == null) {
                throw new TimeoutException(where + " did not see " + target + " within " + TIMEOUT_SECONDS + " s");
            }
            if (s.status() == target) {
                return s.at();
            }
        }
    }

    @Override
    public void close() {
        remoteListener.close();
        localListener.close();
    }
}
