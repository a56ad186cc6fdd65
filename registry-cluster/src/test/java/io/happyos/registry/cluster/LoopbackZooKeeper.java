package io.happyos.registry.cluster;

import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;

/** ZooKeeper servers for the tests, from curator-test, bound to 127.0.0.1 only (never every interface). */
public final class LoopbackZooKeeper {

    static final int TICK_MILLIS = 500;

    private LoopbackZooKeeper() {}

    /** One server on a free port, started. */
    public static TestingServer server() throws Exception {
        return new TestingServer(spec(-1), true);
    }

    /** One server on a given port (to restart it on the same one), started. */
    static TestingServer server(int port) throws Exception {
        return new TestingServer(spec(port), true);
    }

    /** An ensemble of servers, not started. */
    static TestingCluster ensemble(int size) {
        InstanceSpec[] specs = new InstanceSpec[size];
        for (int i = 0; i < size; i++) {
            specs[i] = spec(-1, i + 1);
        }
        return new TestingCluster(specs);
    }

    private static InstanceSpec spec(int port) {
        return spec(port, -1);
    }

    private static InstanceSpec spec(int port, int serverId) {
        // tick 500 ms: ZooKeeper expires sessions in buckets of one tick, so a 3 s session ends within 3.5 s
        return new InstanceSpec(
                null,
                port,
                -1,
                -1,
                true,
                serverId,
                TICK_MILLIS,
                -1,
                Map.of("clientPortAddress", "127.0.0.1"),
                "127.0.0.1");
    }
}
