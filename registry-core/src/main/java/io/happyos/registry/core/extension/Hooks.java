package io.happyos.registry.core.extension;

import io.happyos.registry.core.concurrent.TimedCalls;
import io.happyos.registry.spi.LifecycleEvent;
import io.happyos.registry.spi.LifecycleHook;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the lifecycle hooks of a phase, each with a timeout; a PRE hook that fails vetoes. */
public final class Hooks {

    private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);

    private final Whiteboard whiteboard;
    private final TimedCalls calls;
    private final Duration timeout;

    /** A PRE hook refused the operation. */
    public static final class Veto extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Veto(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param whiteboard where the hooks come from
     * @param calls how they are run
     * @param timeout how long one hook may run
     */
    public Hooks(Whiteboard whiteboard, TimedCalls calls, Duration timeout) {
        this.whiteboard = whiteboard;
        this.calls = calls;
        this.timeout = timeout;
    }

    /**
     * Calls the hooks of a PRE phase; the first that throws or times out vetoes.
     *
     * @param event the phase and component
     * @throws Veto naming the phase and the hook's reason, with the hook's exception as cause
     */
    public void pre(LifecycleEvent event) {
        for (LifecycleHook hook : whiteboard.hooksFor(event.phase())) {
            try {
                call(hook, event);
            } catch (Exception e) {
                throw new Veto(
                        event.phase() + " hook " + hook.getClass().getName() + " vetoed " + event.componentId() + ": "
                                + message(e),
                        e);
            }
        }
    }

    /**
     * Calls the hooks of a POST or ON_ERROR phase; one that fails is reported and the rest still run.
     *
     * @param event the phase and component
     * @param failed told of each failure, in words
     */
    public void post(LifecycleEvent event, Consumer<String> failed) {
        for (LifecycleHook hook : whiteboard.hooksFor(event.phase())) {
            try {
                call(hook, event);
            } catch (Exception e) {
                String message = event.phase() + " hook " + hook.getClass().getName() + " failed on "
                        + event.componentId() + ": " + message(e);
                LOG.warn("{}", message, e);
                failed.accept(message);
            }
        }
    }

    private void call(LifecycleHook hook, LifecycleEvent event) throws Exception {
        calls.call(
                () -> {
                    hook.call(event);
                    return null;
                },
                timeout);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
