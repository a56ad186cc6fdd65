package io.happyos.registry.shell.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A pacer for tests: each pause runs the next scripted step (what happens meanwhile) and moves its
 * clock on by the pause's length; when the script is over, the next pause is interrupted, as Ctrl-C
 * would interrupt the command.
 */
final class ScriptedPacer implements Pacer {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    /** The length of every pause taken, in order. */
    final List<Duration> pauses = new ArrayList<>();

    private long nanos = 1_000_000_000L;

    /** Adds steps, each run during one pause. */
    ScriptedPacer then(Runnable... more) {
        steps.addAll(List.of(more));
        return this;
    }

    /** Adds pauses in which nothing happens. */
    ScriptedPacer idle(int pauses) {
        for (int i = 0; i < pauses; i++) {
            steps.add(() -> {});
        }
        return this;
    }

    @Override
    public void pause(Semaphore wake, Duration max) throws InterruptedException {
        Runnable step = steps.poll();
        if (step == null) {
            throw new InterruptedException("script over: Ctrl-C");
        }
        pauses.add(max);
        step.run();
        nanos += max.toNanos();
    }

    @Override
    public long nanoTime() {
        return nanos;
    }
}
