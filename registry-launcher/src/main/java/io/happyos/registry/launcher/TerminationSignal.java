package io.happyos.registry.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (what {@code kill}, systemd and {@code docker stop} send) stops the container as Ctrl-D
 * does: the registry deactivates the components, dependents first, closes its database, the
 * framework stops, and the process exits with 0, as a service manager expects of an orderly stop.
 * Left to the JVM, SIGTERM would run the shutdown hooks and exit with 143.
 *
 * <p>The handler runs in the JVM's signal thread: it waits for the container to be started (a
 * SIGTERM during start-up stops it as soon as it is up), stops it and exits with 0. A second
 * SIGTERM while the first is being handled ends the process at once with 143. SIGINT (Ctrl-C) is
 * left to the JVM and the shell: 130, after the shutdown hook has stopped the container.
 *
 * <p>{@code sun.misc.Signal} is in the module {@code jdk.unsupported}, which Java 17 keeps open for
 * this use; where the JVM refuses the handler ({@code -Xrs}, say), SIGTERM keeps its default (the
 * shutdown hook stops the container, exit code 143).
 */
final class TerminationSignal {

    /** As a shell reports a process ended by SIGTERM (128 + 15): the second SIGTERM's exit code. */
    static final int EXIT_FORCED = 143;

    private final AtomicBoolean received = new AtomicBoolean();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile RegistryContainer container;
    private volatile Runnable afterStop = () -> {};

    private TerminationSignal() {}

    /**
     * Takes SIGTERM over from the JVM.
     *
     * @return the handler; {@link #watch} tells it the container once it is started
     */
    static TerminationSignal install() {
        TerminationSignal handler = new TerminationSignal();
        try {
            Signal.handle(new Signal("TERM"), signal -> handler.handle());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log().warn("SIGTERM keeps the JVM's default (exit code 143 after a clean stop): {}", e.getMessage());
        }
        return handler;
    }

    /**
     * The container to stop.
     *
     * @param running the started container
     */
    void watch(RegistryContainer running) {
        watch(running, () -> {});
    }

    /**
     * The container to stop, and what to do after it stopped, before the process exits.
     *
     * @param running the started container
     * @param then run after the stop (closing the terminal, say); its failures are the caller's
     */
    void watch(RegistryContainer running, Runnable then) {
        afterStop = then;
        container = running;
        started.countDown();
    }

    /**
     * Called when no container will come (start-up failed): a SIGTERM then exits at once.
     */
    void noContainer() {
        started.countDown();
    }

    /**
     * Whether SIGTERM was received: the launcher then exits with 0 whatever the command it was
     * running made of the stop.
     *
     * @return {@code true} after a SIGTERM
     */
    boolean received() {
        return received.get();
    }

    private void handle() {
        if (!received.compareAndSet(false, true)) {
            log().warn("Second SIGTERM while stopping: exiting now, without waiting for the stop to end");
            Runtime.getRuntime().halt(EXIT_FORCED);
            return;
        }
        log().info("SIGTERM: stopping the container");
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RegistryContainer running = container;
        if (running != null) {
            running.stop();
            afterStop.run();
        }
        System.exit(Main.EXIT_OK);
    }

    /** Not a constant: no logger may exist before the launcher has set up logging (see Main). */
    private static Logger log() {
        return LoggerFactory.getLogger(TerminationSignal.class);
    }
}
