package io.happyos.registry.launcher;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The last log events, in memory, for {@code log:tail}: a logback appender on the root logger that
 * keeps a ring of the newest {@link #capacity()} events, each numbered in arrival order from 1.
 *
 * <p>It sees what the loggers let through (their levels), whatever the other appenders' filters
 * do. Appending costs one copy of the event's already formatted message (and a stack trace's text
 * when there is one) under a short lock; readers copy what they want under the same lock and may
 * wait for new events ({@link #after}), which is how {@code log:tail --follow} waits without polling.
 * Thread-safe.
 */
final class RecentLogEvents extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** How many events are kept by default. */
    static final int DEFAULT_CAPACITY = 1000;

    /** The appender's name in the logger context. */
    static final String NAME = "HAPPYOS_RECENT";

    /**
     * One event as kept.
     *
     * @param sequence its number, from 1, in arrival order
     * @param time when it was logged, in milliseconds since the epoch
     * @param level TRACE, DEBUG, INFO, WARN or ERROR
     * @param logger the logger's name
     * @param thread the thread that logged it
     * @param message the formatted message
     * @param throwable the stack trace's text, or {@code null}
     */
    record Line(
            long sequence, long time, String level, String logger, String thread, String message, String throwable) {}

    /**
     * What a read found.
     *
     * @param lines the events, oldest first
     * @param last the number of the newest event logged so far (0 before the first)
     * @param oldest the number of the oldest event still kept (the ones before it were dropped)
     */
    record Page(List<Line> lines, long last, long oldest) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Line[] ring;
    private long last;

    /**
     * An appender keeping the newest events.
     *
     * @param capacity how many, at least 1
     */
    RecentLogEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.ring = new Line[capacity];
        setName(NAME);
    }

    /** @return how many events are kept */
    int capacity() {
        return ring.length;
    }

    @Override
    protected void append(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        String message = event.getFormattedMessage();
        String throwable = thrown == null ? null : ThrowableProxyUtil.asString(thrown);
        lock.lock();
        try {
            last++;
            ring[(int) (last % ring.length)] = new Line(
                    last,
                    event.getTimeStamp(),
                    event.getLevel().toString(),
                    event.getLoggerName(),
                    event.getThreadName(),
                    message == null ? "" : message,
                    throwable);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The events after a number, waiting up to a time for the first one when there is none yet.
     *
     * @param sequence the number of the last event the caller has seen (0: from the oldest kept)
     * @param max the most to return (the oldest of the ones after {@code sequence}), at least 1
     * @param wait how long to wait when there is nothing newer
     * @return what is there
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Page await(long sequence, int max, Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (last <= sequence && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
            }
            return read(sequence, max);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The events after a number, without waiting.
     *
     * @param sequence the number of the last event the caller has seen (0: from the oldest kept)
     * @param max the most to return (the oldest of the ones after {@code sequence}), at least 1
     * @return what is there
     */
    Page after(long sequence, int max) {
        lock.lock();
        try {
            return read(sequence, max);
        } finally {
            lock.unlock();
        }
    }

    private Page read(long sequence, int max) {
        long oldest = Math.max(1, last - ring.length + 1);
        long from = Math.max(sequence + 1, oldest);
        long to = Math.min(last, from + Math.max(1, max) - 1);
        List<Line> lines = new ArrayList<>((int) Math.max(0, to - from + 1));
        for (long n = from; n <= to; n++) {
            lines.add(ring[(int) (n % ring.length)]);
        }
        return new Page(List.copyOf(lines), last, last == 0 ? 0 : oldest);
    }
}
