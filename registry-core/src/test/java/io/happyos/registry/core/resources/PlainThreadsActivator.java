package io.happyos.registry.core.resources;

import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Starts one thread that waits until the bundle stops, with the JDK's own context class loader and no
 * subclass of {@code Thread}: only the code on its stack says whose it is. Copied into generated
 * bundles.
 */
public final class PlainThreadsActivator implements BundleActivator {

    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread worker;

    @Override
    public void start(BundleContext context) {
        worker = new Thread(this::await, "plain-worker");
        worker.setContextClassLoader(ClassLoader.getSystemClassLoader());
        worker.setDaemon(true);
        worker.start();
    }

    private void await() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        stop.countDown();
        worker.join(5_000);
    }
}
