package io.happyos.registry.shell.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Gogo session in an embedded framework, driven by reflection: the test's own copy of the Gogo
 * classes is not the one the bundles see, so the {@code CommandProcessor} is found by name.
 */
final class GogoSession implements AutoCloseable {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    /** What one command did: its output, or the exception it failed with. */
    record Outcome(String command, String out, String err, Throwable failure) {

        boolean failed() {
            return failure != null;
        }

        /** Every message in the failure's cause chain, one per line. */
        String failureMessages() {
            StringBuilder all = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                all.append(t.getClass().getName())
                        .append(": ")
                        .append(t.getMessage())
                        .append('\n');
            }
            return all.toString();
        }
    }

    private final ServiceTracker<Object, Object> tracker;
    private final Object session;
    private final Method execute;
    private final Method currentDir;
    private final Method close;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private GogoSession(ServiceTracker<Object, Object> tracker, Object processor) throws ReflectiveOperationException {
        this.tracker = tracker;
        ClassLoader gogo = processor.getClass().getClassLoader();
        Class<?> processorType = gogo.loadClass(PROCESSOR);
        Class<?> sessionType = gogo.loadClass(SESSION);
        InputStream in = new ByteArrayInputStream(new byte[0]);
        this.session = processorType
                .getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, in, out, err);
        this.execute = sessionType.getMethod("execute", CharSequence.class);
        this.currentDir = sessionType.getMethod("currentDir", Path.class);
        this.close = sessionType.getMethod("close");
    }

    /**
     * Opens a session once the command processor is there.
     *
     * @param context a bundle context of the framework
     * @param timeout how long to wait for the processor
     * @return the session
     */
    static GogoSession open(BundleContext context, Duration timeout)
            throws InvalidSyntaxException, InterruptedException, ReflectiveOperationException {
        ServiceTracker<Object, Object> tracker =
                new ServiceTracker<>(context, FrameworkUtil.createFilter("(objectClass=" + PROCESSOR + ")"), null);
        tracker.open(true);
        Object processor = tracker.waitForService(timeout.toMillis());
        if (processor == null) {
            tracker.close();
            throw new AssertionError("no Gogo CommandProcessor service within " + timeout);
        }
        return new GogoSession(tracker, processor);
    }

    /**
     * Sets the directory relative paths are resolved against.
     *
     * @param dir the directory
     */
    void cd(Path dir) throws ReflectiveOperationException {
        currentDir.invoke(session, dir);
    }

    /**
     * Runs one command line.
     *
     * @param command the line
     * @return what it printed, or how it failed
     */
    synchronized Outcome run(String command) throws IllegalAccessException {
        out.reset();
        err.reset();
        Throwable failure = null;
        try {
            execute.invoke(session, command);
        } catch (InvocationTargetException e) {
            failure = e.getCause();
        }
        return new Outcome(
                command, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure);
    }

    /**
     * Runs a command that must succeed and returns what it returned (not what it printed): Gogo's
     * own {@code help} returns its text for the console to print.
     *
     * @param command the line
     * @return its value as text, or {@code null}
     */
    synchronized String value(String command) throws IllegalAccessException {
        out.reset();
        err.reset();
        try {
            Object value = execute.invoke(session, command);
            return value == null ? null : value.toString();
        } catch (InvocationTargetException e) {
            throw new AssertionError("'" + command + "' failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs a command that must succeed.
     *
     * @param command the line
     * @return what it printed
     */
    String ok(String command) throws IllegalAccessException {
        Outcome outcome = run(command);
        if (outcome.failed()) {
            throw new AssertionError("'" + command + "' failed:\n" + outcome.failureMessages(), outcome.failure());
        }
        return outcome.out();
    }

    /**
     * Runs a command that must succeed and returns what it returned (not what it printed).
     *
     * @param command the line
     * @return the command's result
     */
    synchronized Object evaluate(String command) throws IllegalAccessException {
        try {
            return execute.invoke(session, command);
        } catch (InvocationTargetException e) {
            throw new AssertionError("'" + command + "' failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs a command that must fail.
     *
     * @param command the line
     * @return the messages of its failure's cause chain
     */
    String fails(String command) throws IllegalAccessException {
        Outcome outcome = run(command);
        if (!outcome.failed()) {
            throw new AssertionError("'" + command + "' should have failed but printed:\n" + outcome.out());
        }
        return outcome.failureMessages();
    }

    @Override
    public void close() {
        try {
            close.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // the framework is going away anyway
        } finally {
            tracker.close();
        }
    }
}
