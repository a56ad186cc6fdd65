package io.happyos.registry.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the registry's own threads: daemons, named so a thread dump says whose they are. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * Threads named {@code happyos-registry-NAME}, or {@code happyos-registry-NAME-N} when
     * {@code numbered}.
     *
     * @param name what the threads do
     * @param numbered whether there may be several
     * @return the factory
     */
    public static ThreadFactory named(String name, boolean numbered) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            String suffix = numbered ? "-" + count.incrementAndGet() : "";
            Thread t = new Thread(r, "happyos-registry-" + name + suffix);
            t.setDaemon(true);
            return t;
        };
    }
}
