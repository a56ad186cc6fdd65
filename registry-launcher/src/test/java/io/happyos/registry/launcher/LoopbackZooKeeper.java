package io.happyos.registry.launcher;

import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** A ZooKeeper server for the tests, from curator-test, bound to 127.0.0.1 only (never every interface). */
final class LoopbackZooKeeper {

    private LoopbackZooKeeper() {}

    /** One server on a free port, started; it ticks every 500 ms, so a 3 s session expires within 3.5 s. */
    static TestingServer server() throws Exception {
        InstanceSpec spec = new InstanceSpec(
                null, -1, -1, -1, true, -1, 500, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
        return new TestingServer(spec, true);
    }
}
