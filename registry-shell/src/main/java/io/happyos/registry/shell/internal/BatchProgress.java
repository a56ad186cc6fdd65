package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Registration;
import io.happyos.registry.StatusCallback;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Progress lines for a long batch on a terminal: "[3/7] logger ACTIVE" as each component reaches
 * the status the batch brings it to.
 *
 * <p>The registry calls back on its own threads, where Gogo's {@code System.out} is not the
 * session's; so the callback only queues lines, and the command's thread prints them while it waits.
 */
final class BatchProgress implements StatusCallback {

    private static final long POLL_MILLIS = 100;

    private final Set<String> watched;
    private final ComponentStatus target;
    private final AtomicInteger reached = new AtomicInteger();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /**
     * Progress towards a status.
     *
     * @param watched the components the batch works on (the ones given and those it adds)
     * @param target the status they are brought to
     */
    BatchProgress(Set<String> watched, ComponentStatus target) {
        this.watched = Set.copyOf(watched);
        this.target = target;
    }

    @Override
    public void statusChanged(String id, ComponentStatus oldStatus, ComponentStatus newStatus) {
        if (newStatus == target && watched.contains(id)) {
            lines.add("[" + reached.incrementAndGet() + "/" + watched.size() + "] " + id + " " + newStatus);
        }
    }

    /**
     * Runs a batch with this progress registered, printing lines as they come.
     *
     * @param ctx the registry and where to print
     * @param start starts the batch
     * @param what the batch, in words, for a timeout message
     * @return the batch's result
     */
    <T> T follow(CommandContext ctx, Supplier<CompletionStage<T>> start, String what) {
        CompletableFuture<T> future;
        try (Registration ignored = ctx.registry().registerStatusCallback(this)) {
            future = start.get().toCompletableFuture();
            long deadline = System.nanoTime() + ctx.timeout().toNanos();
            while (!future.isDone() && System.nanoTime() < deadline) {
                printNext(ctx);
            }
        }
        // the callback is gone: print what it queued before the batch's own report
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            ctx.print(line);
        }
        return ctx.await(future, what);
    }

    private void printNext(CommandContext ctx) {
        try {
            String line = lines.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (line != null) {
                ctx.print(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the batch", e);
        }
    }
}
