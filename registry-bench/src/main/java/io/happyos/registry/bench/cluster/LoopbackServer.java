package io.happyos.registry.bench.cluster;

import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** The ZooKeeper server the part measures on: curator-test's, in this JVM, bound to 127.0.0.1 only. */
final class LoopbackServer {

    private LoopbackServer() {}

    /**
     * Starts a server on a free port, its data in a temporary folder that closing it deletes.
     *
     * @return the started server
     * @throws Exception when it does not start
     */
    static TestingServer start() throws Exception {
        InstanceSpec spec = new InstanceSpec(
                null, -1, -1, -1, true, -1, -1, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
        return new TestingServer(spec, true);
    }
}
