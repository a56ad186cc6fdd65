package io.happyos.registry.testing.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the generated load bundles (its class file is copied into each, so each bundle's
 * loader defines its own copy): starts {@code X-Load-Threads} threads named
 * {@code X-Load-Name-1..N}, which together keep {@code X-Load-Cpu} of one core busy in Java code
 * (as a share of wall-clock time, in 1 ms slices at random phases) and allocate {@code X-Load-Alloc}
 * bytes per second; with {@code X-Load-Context: true} the bundle's loader is their context class loader.
 * Stopping the bundle stops them.
 */
public final class LoadActivator implements BundleActivator {

    /** Keeps allocations reachable for a moment, so that the JIT cannot remove them. */
    static volatile Object[] kept = new Object[64];

    static volatile long sink;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** Made by the framework. */
    public LoadActivator() {
        // nothing to set up
    }

    @Override
    public void start(BundleContext context) {
        int count = Integer.parseInt(header(context, "X-Load-Threads", "1"));
        double cpu = Double.parseDouble(header(context, "X-Load-Cpu", "0")) / count;
        double alloc = Double.parseDouble(header(context, "X-Load-Alloc", "0")) / count;
        String name = header(context, "X-Load-Name", context.getBundle().getSymbolicName());
        boolean ownContext = Boolean.parseBoolean(header(context, "X-Load-Context", "false"));
        for (int i = 1; i <= count; i++) {
            Thread thread = new Thread(() -> load(cpu, alloc), name + "-" + i);
            thread.setDaemon(true);
            if (ownContext) {
                thread.setContextClassLoader(LoadActivator.class.getClassLoader());
            }
            threads.add(thread);
            thread.start();
        }
    }

    private static String header(BundleContext context, String name, String otherwise) {
        String value = context.getBundle().getHeaders().get(name);
        return value == null ? otherwise : value.trim();
    }

    private void load(double cpuShare, double bytesPerSecond) {
        long start = System.nanoTime();
        long busy = 0;
        long allocated = 0;
        int slot = 0;
        while (running) {
            long now = System.nanoTime();
            long elapsed = now - start;
            boolean worked = false;
            if (busy < cpuShare * elapsed) {
                long until = now + 1_000_000;
                long x = sink;
                while (System.nanoTime() < until) {
                    // the clock is read between slices of pure work: a sample that catches a thread in the
                    // clock's VM call cannot walk its stack and is dropped
                    for (int i = 0; i < 20_000; i++) {
                        x = x * 6364136223846793005L + i;
                    }
                }
                sink = x;
                busy += System.nanoTime() - now;
                worked = true;
            }
            if (bytesPerSecond > 0 && allocated < bytesPerSecond * elapsed / 1e9) {
                byte[] chunk = new byte[16 * 1024];
                kept[slot++ & 63] = chunk;
                allocated += chunk.length + 16;
                worked = true;
            }
            if (!worked) {
                try {
                    Thread.sleep(1 + ThreadLocalRandom.current().nextInt(2));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5000);
        }
    }
}
