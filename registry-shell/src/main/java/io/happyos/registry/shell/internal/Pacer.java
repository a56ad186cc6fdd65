package io.happyos.registry.shell.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How the live commands ({@code events --follow}, {@code watch}, {@code top}) wait between frames:
 * real time in the shell, a script in tests.
 */
interface Pacer {

    /** Real time: waits on the semaphore, so that a status change or Ctrl-C ends the wait at once. */
    Pacer REAL = new Pacer() {
        @Override
        public void pause(Semaphore wake, Duration max) throws InterruptedException {
            Semaphore on = wake != null ? wake : new Semaphore(0);
            if (on.tryAcquire(Math.max(0L, max.toNanos()), TimeUnit.NANOSECONDS)) {
                on.drainPermits();
            }
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };

    /**
     * Waits up to a time, or until woken.
     *
     * @param wake released to end the wait early (and drained), or {@code null} when nothing does
     * @param max the longest wait
     * @throws InterruptedException when the command's thread is interrupted (Ctrl-C in Gogo)
     */
    void pause(Semaphore wake, Duration max) throws InterruptedException;

    /**
     * The time, for measuring intervals.
     *
     * @return nanoseconds from an arbitrary origin
     */
    long nanoTime();
}
