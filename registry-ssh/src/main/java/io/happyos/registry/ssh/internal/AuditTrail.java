package io.happyos.registry.ssh.internal;

import io.happyos.registry.DynamicRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the SSH sessions' own records (login, logout, refused login) to the registry's audit log
 * through {@link io.happyos.registry.Diagnostics#recordAudit}, under the session's actor. A record
 * waits until it is durable, so the writes run on the bundle's audit thread, never on SSHD's I/O
 * threads. Without a registry service the record is logged only.
 */
final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final Supplier<DynamicRegistry> registry;
    private final ExecutorService thread;

    /**
     * A trail.
     *
     * @param registry the registry service now, or {@code null} when there is none
     * @param thread the one thread the records are written on, in order
     */
    AuditTrail(Supplier<DynamicRegistry> registry, ExecutorService thread) {
        this.registry = registry;
        this.thread = thread;
    }

    /**
     * Appends a record.
     *
     * @param actor {@code ssh:USER@ADDRESS}
     * @param operation {@code ssh:login} or {@code ssh:logout}
     * @param ok whether it succeeded
     * @param error why it failed, or {@code null}
     * @param details more, or {@code null}
     * @return done once the record is durable (or could not be written, which is logged)
     */
    CompletableFuture<Void> record(String actor, String operation, boolean ok, String error, String details) {
        try {
            return CompletableFuture.runAsync(() -> write(actor, operation, ok, error, details), thread);
        } catch (RejectedExecutionException stopping) {
            LOG.info("Not audited, the SSH shell is stopping: {} {} ok={} {}", actor, operation, ok, error);
            return CompletableFuture.completedFuture(null);
        }
    }

    private void write(String actor, String operation, boolean ok, String error, String details) {
        DynamicRegistry current = registry.get();
        if (current == null) {
            LOG.warn("Not audited, no registry service: {} {} ok={} {}", actor, operation, ok, error);
            return;
        }
        try {
            current.actingFor(actor).diagnostics().recordAudit(operation, null, ok, error, details);
        } catch (RuntimeException e) {
            LOG.warn("Cannot audit {} {} ok={}", actor, operation, ok, e);
        }
    }
}
