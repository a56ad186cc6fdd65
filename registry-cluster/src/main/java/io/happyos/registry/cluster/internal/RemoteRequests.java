package io.happyos.registry.cluster.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.cluster.ClusterException;
import io.happyos.registry.cluster.RemoteResult;
import io.happyos.registry.text.JsonInput;
import io.happyos.registry.text.JsonOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests between nodes, carried by ZooKeeper itself (no port of our own): the asker creates a
 * sequential znode under the target's {@code /requests/NODE}; the target, which sees it through
 * its cache, carries it out and writes its answer into the same znode; the asker, which sees that
 * change through its own cache, completes its future and deletes the znode. An asker gives up
 * when the target leaves the view or after the timeout; a target ignores (and answers with a
 * refusal) requests made to an earlier run of itself.
 */
final class RemoteRequests {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteRequests.class);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private record Pending(String node, CompletableFuture<RemoteResult> future, String id, String operation) {}

    private final CuratorFramework client;
    private final String self;
    private final Instant startedAt = Instant.now();
    private final LocalOperations local;
    private final ExecutorService worker;
    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();
    /** Requests to this node already taken up, so that a repeated cache event does not run one twice. */
    private final Map<String, Boolean> taken = new ConcurrentHashMap<>();

    private volatile Predicate<String> live = node -> true;
    private volatile java.util.function.Supplier<java.time.Instant> staleSince = () -> null;

    RemoteRequests(CuratorFramework client, String self, LocalOperations local, ExecutorService worker) {
        this.client = client;
        this.self = self;
        this.local = local;
        this.worker = worker;
    }

    /**
     * @param live whether a node is in the view, for failing a request to one that is not
     * @param staleSince since when this node's view is stale (not connected), or {@code null}: a
     *     request is then refused at once instead of waiting for a connection that may not come
     */
    void liveNodes(Predicate<String> live, java.util.function.Supplier<java.time.Instant> staleSince) {
        this.live = live;
        this.staleSince = staleSince;
    }

    /**
     * Asks a node to carry out an operation.
     *
     * @param node the node
     * @param operation the operation ({@link LocalOperations})
     * @param id the component's id or name there
     * @param actor who asks ({@code node:SELF/ACTOR} on the other side)
     * @return the answer; fails with {@link ClusterException}
     */
    CompletionStage<RemoteResult> ask(String node, String operation, String id, String actor) {
        String remoteActor = "node:" + self + "/" + actor;
        if (node.equals(self)) {
            return CompletableFuture.supplyAsync(() -> local.carryOut(operation, id, remoteActor), worker);
        }
        Instant stale = staleSince.get();
        if (stale != null) {
            return CompletableFuture.failedFuture(new ClusterException("cannot ask node " + node
                    + ": this node is not connected to ZooKeeper (its view is stale since " + stale
                    + "); ask again when cluster:nodes no longer says STALE"));
        }
        if (!live.test(node)) {
            return CompletableFuture.failedFuture(new ClusterException(
                    "unknown node '" + node + "': it is not in the cluster now; cluster:nodes lists the live nodes"));
        }
        CompletableFuture<RemoteResult> future = new CompletableFuture<>();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("operation", operation);
        request.put("id", id);
        request.put("actor", remoteActor);
        request.put("from", self);
        request.put("at", Instant.now().toString());
        try {
            String path = client.create()
                    .creatingParentContainersIfNeeded()
                    .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(ZnodePaths.requests(node) + "/r-", bytes(request));
            pending.put(path, new Pending(node, future, id, operation));
            future.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> finish(path));
            if (!live.test(node)) {
                nodeLeft(node); // it left between the check and the create
            }
        } catch (Exception e) {
            future.completeExceptionally(new ClusterException(
                    "cannot ask node " + node + " (" + LocalOperations.message(e) + "); cluster:nodes tells "
                            + "whether this node's view is stale",
                    e));
        }
        return future.handle((result, error) -> {
            if (error instanceof java.util.concurrent.TimeoutException) {
                throw new ClusterException("node " + node + " did not answer within " + TIMEOUT.toSeconds()
                        + " s; registry:audit on that node tells whether it carried the request out");
            }
            if (error != null) {
                throw error instanceof ClusterException c
                        ? c
                        : new ClusterException(LocalOperations.message(error), error);
            }
            return result;
        });
    }

    /** A change under {@code /requests}: a request to this node, or an answer to one of ours. */
    void requestEvent(String node, String path, byte[] data) {
        if (data == null) {
            taken.remove(path);
            return;
        }
        Map<String, Object> json = JsonInput.object(new String(data, StandardCharsets.UTF_8));
        Object answer = json.get("answer");
        if (answer instanceof Map<?, ?> a) {
            Pending waiting = pending.remove(path);
            if (waiting != null) {
                waiting.future().complete(result(node, waiting, a));
            }
        } else if (node.equals(self) && taken.putIfAbsent(path, Boolean.TRUE) == null) {
            worker.execute(() -> answer(path, json));
        }
    }

    /** A node left the view: what waits for its answer fails now. */
    void nodeLeft(String node) {
        pending.forEach((path, p) -> {
            if (p.node().equals(node) && pending.remove(path, p)) {
                p.future()
                        .completeExceptionally(new ClusterException("node " + node
                                + " left the cluster before answering; registry:audit on it tells whether it carried "
                                + p.operation() + " " + p.id() + " out"));
            }
        });
    }

    private void answer(String path, Map<String, Object> request) {
        String operation = String.valueOf(request.get("operation"));
        String id = String.valueOf(request.get("id"));
        Instant at = Instant.parse(String.valueOf(request.get("at")));
        RemoteResult result = at.isBefore(startedAt.minusSeconds(1))
                ? new RemoteResult(
                        self,
                        id,
                        operation,
                        false,
                        null,
                        "node " + self + " restarted after the request was made; ask again")
                : local.carryOut(operation, id, String.valueOf(request.get("actor")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", result.ok());
        answer.put("id", result.id());
        answer.put("status", result.status() == null ? null : result.status().name());
        answer.put("message", result.message());
        Map<String, Object> json = new LinkedHashMap<>(request);
        json.put("answer", answer);
        try {
            client.setData().forPath(path, bytes(json));
        } catch (KeeperException.NoNodeException askerGaveUp) {
            LOG.info("cluster: {} {} done for {}, but the asker no longer waits", operation, id, request.get("from"));
        } catch (Exception e) {
            LOG.warn("cluster: cannot answer the request {}: {}", path, e.getMessage());
        }
    }

    private void finish(String path) {
        pending.remove(path);
        try {
            client.delete().guaranteed().inBackground().forPath(path);
        } catch (Exception e) {
            LOG.debug("cannot delete the request {}", path, e);
        }
    }

    private static RemoteResult result(String node, Pending p, Map<?, ?> answer) {
        Object status = answer.get("status");
        Object id = answer.get("id");
        return new RemoteResult(
                node,
                id == null ? p.id() : String.valueOf(id),
                p.operation(),
                Boolean.TRUE.equals(answer.get("ok")),
                status == null ? null : ComponentStatus.valueOf(String.valueOf(status)),
                String.valueOf(answer.get("message")));
    }

    private static byte[] bytes(Map<String, Object> json) {
        return JsonOutput.text(json).getBytes(StandardCharsets.UTF_8);
    }
}
