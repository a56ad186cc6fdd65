package io.happyos.registry.bench.cluster;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.bench.Latencies;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;

/**
 * Propagation of a status change to another node's view, ours against bare Curator, on one server
 * in one run. The two alternate change by change, each change after a random pause of 0 to 20 ms
 * (a fixed seed), so that both see the same machine and both are sampled at every phase of the
 * nodes' 1 s sync.
 */
final class PropagationBenchmark {

    /**
     * What was measured.
     *
     * @param ours status change on node A to node B's listener
     * @param localPart the part of it until node A's own status listener: the registry's work
     * @param clusterPart the rest, from node A's status listener to node B's: registry-cluster's work
     * @param bare bare Curator's setData to another client's cache
     * @param recordBytes the size of the record (node A's, ACTIVE), which the anchor writes too
     */
    record Result(Latencies ours, Latencies localPart, Latencies clusterPart, Latencies bare, int recordBytes) {}

    private static final String COMPONENT = "bench.toggle";
    private static final int MAX_PAUSE_MILLIS = 20;

    private PropagationBenchmark() {}

    /**
     * Installs a component on node A and measures.
     *
     * @param connect the server both nodes are on
     * @param a node A, where the component changes
     * @param b node B, whose view is watched
     * @param jars a folder for the component's JAR
     * @param warmups unmeasured changes of each kind first
     * @param changes measured changes of each kind
     * @return the figures
     * @throws Exception when a change is not seen within 10 s
     */
    static Result run(String connect, RealNode a, RealNode b, Path jars, int warmups, int changes) throws Exception {
        Path jar = TestBundle.builder(COMPONENT).writeToFolder(jars);
        String id = a.registry
                .registerComponent(ComponentInfo.ofJar(jar.toString()))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        try (CuratorFramework client = CuratorClients.start(connect, CuratorClients.REGISTRY_NAMESPACE);
                RegistryPropagation ours = new RegistryPropagation(a, b, id)) {
            Random pauses = new Random(13);
            ours.change();
            ours.change();
            // node A's own record in both states: the anchor writes exactly these bytes
            byte[] inactive = client.getData().forPath(CuratorClients.componentPath(a.name, id));
            ours.change();
            byte[] active = client.getData().forPath(CuratorClients.componentPath(a.name, id));
            try (CuratorPropagation bare = new CuratorPropagation(connect, id, active, inactive)) {
                for (int i = 0; i < warmups; i++) {
                    ours.change();
                    pause(pauses);
                    bare.change();
                    pause(pauses);
                }
                Latencies oursTimes = new Latencies();
                Latencies bareTimes = new Latencies();
                Latencies localPart = new Latencies();
                Latencies clusterPart = new Latencies();
                for (int i = 0; i < changes; i++) {
                    long total = ours.change();
                    oursTimes.add(total);
                    localPart.add(ours.lastLocalPart());
                    clusterPart.add(total - ours.lastLocalPart());
                    pause(pauses);
                    bareTimes.add(bare.change());
                    pause(pauses);
                }
                return new Result(oursTimes, localPart, clusterPart, bareTimes, active.length);
            }
        }
    }

    private static void pause(Random random) throws InterruptedException {
        Thread.sleep(random.nextInt(MAX_PAUSE_MILLIS + 1));
    }
}
