package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentLogEventsTest {

    private final LoggerContext context = new LoggerContext();
    private final RecentLogEvents recent = new RecentLogEvents(3);
    private Logger logger;

    @BeforeEach
    void attach() {
        recent.setContext(context);
        recent.start();
        logger = context.getLogger("test.recent");
        logger.setLevel(Level.DEBUG);
        logger.addAppender(recent);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void keepsTheNewestEventsNumberedInOrder() {
        for (int i = 1; i <= 5; i++) {
            logger.info("message {}", i);
        }

        RecentLogEvents.Page page = recent.after(0, 10);

        assertThat(page.lines())
                .extracting(RecentLogEvents.Line::message)
                .containsExactly("message 3", "message 4", "message 5");
        assertThat(page.lines()).extracting(RecentLogEvents.Line::sequence).containsExactly(3L, 4L, 5L);
        assertThat(page.last()).isEqualTo(5);
        assertThat(page.oldest()).isEqualTo(3);
        assertThat(recent.after(4, 10).lines())
                .extracting(RecentLogEvents.Line::message)
                .containsExactly("message 5");
        assertThat(recent.after(2, 1).lines())
                .extracting(RecentLogEvents.Line::message)
                .containsExactly("message 3");
    }

    @Test
    void keepsLevelLoggerThreadAndStackTrace() {
        logger.warn("it broke", new IllegalStateException("the cause"));

        RecentLogEvents.Line line = recent.after(0, 1).lines().get(0);

        assertThat(line.level()).isEqualTo("WARN");
        assertThat(line.logger()).isEqualTo("test.recent");
        assertThat(line.thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(line.throwable())
                .contains("IllegalStateException: the cause")
                .contains("\tat ");
    }

    @Test
    void nothingYetIsAnEmptyPage() {
        RecentLogEvents.Page page = recent.after(0, 10);

        assertThat(page.lines()).isEmpty();
        assertThat(page.last()).isZero();
        assertThat(page.oldest()).isZero();
    }

    @Test
    void aWaitEndsWhenAnEventArrives() throws Exception {
        AtomicReference<RecentLogEvents.Page> seen = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            waiting.countDown();
            try {
                seen.set(recent.await(0, 10, Duration.ofMinutes(5)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        waiting.await();

        logger.info("wake up");
        reader.join(Duration.ofMinutes(1).toMillis());

        assertThat(reader.isAlive()).isFalse();
        assertThat(seen.get().lines()).extracting(RecentLogEvents.Line::message).containsExactly("wake up");
    }

    @Test
    void anInterruptEndsAWait() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                recent.await(0, 10, Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        reader.start();

        reader.interrupt();
        reader.join(Duration.ofMinutes(1).toMillis());

        assertThat(reader.isAlive()).isFalse();
        assertThat(interrupted).isTrue();
    }
}
