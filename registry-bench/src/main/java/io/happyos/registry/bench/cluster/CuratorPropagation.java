package io.happyos.registry.bench.cluster;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.zookeeper.CreateMode;

/**
 * The anchor: bare Curator doing the same work. One client holds an ephemeral record and changes it
 * with one {@code setData}, alternating between two payloads (the bytes node A published for its
 * component ACTIVE and INACTIVE); another client's {@code CuratorCache} over its whole namespace, as
 * a node's view has, sees it. Nothing is parsed: the listener compares the bytes. Like a node, the
 * writing client caches the whole namespace too (so the server notifies two watchers of each
 * change, as it notifies both nodes).
 */
final class CuratorPropagation implements PropagationPath {

    /** A namespace of its own on the same server, so the nodes' caches never see these records. */
    static final String NAMESPACE = "happyos-bare";

    private static final long TIMEOUT_SECONDS = 10;

    private record Sighting(ChildData record, long at) {}

    private final CuratorFramework writer;
    private final CuratorFramework reader;
    private final CuratorCache cache;
    private final CuratorCache writersCache;
    private final String path;
    private final byte[][] payloads;
    private final BlockingQueue<Sighting> seen = new LinkedBlockingQueue<>();
    private int next;

    /**
     * Creates the record with the first payload and waits until the cache has it.
     *
     * @param connect the server
     * @param id the component id the record is named by
     * @param first the record as first written
     * @param second the other payload the changes alternate with
     * @throws Exception when the clients do not connect or the record is not seen
     */
    CuratorPropagation(String connect, String id, byte[] first, byte[] second) throws Exception {
        this.payloads = new byte[][] {first.clone(), second.clone()};
        this.path = CuratorClients.componentPath("bare", id);
        this.writer = CuratorClients.start(connect, NAMESPACE);
        this.reader = CuratorClients.start(connect, NAMESPACE);
        this.writersCache = CuratorCache.build(writer, "/");
        writersCache.start();
        this.cache = CuratorCache.build(reader, "/");
        cache.listenable().addListener((type, oldData, data) -> {
            if (data != null && path.equals(data.getPath())) {
                seen.add(new Sighting(data, System.nanoTime()));
            }
        });
        cache.start();
        writer.create()
                .creatingParentContainersIfNeeded()
                .withMode(CreateMode.EPHEMERAL)
                .forPath(path, payloads[0]);
        awaitPayload(payloads[0]);
        next = 1;
    }

    @Override
    public long change() throws Exception {
        byte[] payload = payloads[next];
        next = 1 - next;
        seen.clear();
        long start = System.nanoTime();
        writer.setData().forPath(path, payload);
        return awaitPayload(payload) - start;
    }

    private long awaitPayload(byte[] payload) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            Sighting s = seen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (s == null) {
                throw new TimeoutException("the bare cache did not see the change within " + TIMEOUT_SECONDS + " s");
            }
            if (Arrays.equals(s.record().getData(), payload)) {
                return s.at();
            }
        }
    }

    @Override
    public void close() {
        cache.close();
        writersCache.close();
        writer.close();
        reader.close();
    }
}
