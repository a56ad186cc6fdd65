package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Registration;
import io.happyos.registry.spi.StatusListener;
import io.happyos.registry.text.ProgressBar;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Progress of a long batch on a terminal, as each component reaches the status the batch brings it
 * to: one bar redrawn in place ({@link ProgressBar}), removed when the batch is over; where the
 * cursor cannot move (a {@code dumb} terminal), one line per component, "[3/7] logger ACTIVE".
 *
 * <p>The registry calls back on its own threads, where Gogo's {@code System.out} is not the
 * session's; so the callback only queues steps, and the command's thread prints them while it waits.
 */
final class BatchProgress implements StatusListener {

    private static final long POLL_MILLIS = 100;
    /** How long to wait, after a batch, for the status callbacks of the changes it made. */
    private static final long LATE_CALLBACK_MILLIS = 2000;

    /** The shell does not know its terminal's width; it draws for the common 80 columns. */
    static final int WIDTH = 80;

    /** One component reaching the target status. */
    private record Step(int done, String label) {}

    private final Set<String> watched;
    private final ComponentStatus target;
    private final AtomicInteger reached = new AtomicInteger();
    private final BlockingQueue<Step> steps = new LinkedBlockingQueue<>();

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
            steps.add(new Step(reached.incrementAndGet(), id + " " + newStatus));
        }
    }

    /**
     * Runs a batch with this progress registered, showing steps as they come.
     *
     * @param ctx the registry and where to print
     * @param start starts the batch
     * @param what the batch, in words, for a timeout message
     * @return the batch's result
     */
    <T> T follow(CommandContext ctx, Supplier<CompletionStage<T>> start, String what) {
        Ansi ansi = ctx.ansi();
        CompletableFuture<T> future;
        if (ansi.cursor()) {
            ctx.printRaw(bar(ansi).line("", 0, watched.size(), "", WIDTH));
        }
        long before = atTarget(ctx);
        try (Registration ignored = ctx.registry().lifecycle().addStatusListener(this)) {
            future = start.get().toCompletableFuture();
            long deadline = System.nanoTime() + ctx.timeout().toNanos();
            while (!future.isDone() && System.nanoTime() < deadline) {
                showNext(ctx, ansi);
            }
            // the registry calls listeners on its own thread, maybe after the batch is done: wait a
            // little for the changes it made, so that the last steps are not lost
            long expected = atTarget(ctx) - before;
            long graceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATE_CALLBACK_MILLIS);
            while (reached.get() < expected && System.nanoTime() < graceEnd) {
                showNext(ctx, ansi);
            }
        } finally {
            // the callback is gone: show what it queued, then make room for the batch's own report
            for (Step step = steps.poll(); step != null; step = steps.poll()) {
                show(ctx, ansi, step);
            }
            if (ansi.cursor()) {
                ctx.printRaw(ansi.redrawLine());
            }
        }
        return ctx.await(future, what);
    }

    /** How many of the watched components have the target status now. */
    private long atTarget(CommandContext ctx) {
        return watched.stream()
                .filter(id -> ctx.registry()
                        .findComponent(id)
                        .map(e -> e.status() == target)
                        .orElse(false))
                .count();
    }

    private void showNext(CommandContext ctx, Ansi ansi) {
        try {
            Step step = steps.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (step != null) {
                show(ctx, ansi, step);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the batch", e);
        }
    }

    private void show(CommandContext ctx, Ansi ansi, Step step) {
        if (ansi.cursor()) {
            ctx.printRaw(ansi.redrawLine() + bar(ansi).line("", step.done(), watched.size(), step.label(), WIDTH));
        } else {
            ctx.print("[" + step.done() + "/" + watched.size() + "] " + step.label());
        }
    }

    /** The bar in the terminal's glyphs, the done part in green. */
    static ProgressBar bar(Ansi ansi) {
        return new ProgressBar(
                ansi.glyph("\u2588", "#"), ansi.glyph("\u2591", "."), done -> ansi.paint(Ansi.Style.GREEN, done));
    }
}
