package io.happyos.registry.launcher;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Gogo command lines through the {@code CommandProcessor} service of the Gogo runtime bundle,
 * by reflection on the bundle's own interfaces: the launcher has no Gogo classes on its class path.
 * One session serves every line, so variables set by one line are seen by the next.
 *
 * <p>A command's output goes to stdout, followed by its formatted result when it returns one (as
 * the interactive shell prints it). A command that throws prints one line, {@code Error: <message
 * of the root cause>}, to stderr; the stack trace goes to the log only.
 */
final class GogoCommands implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GogoCommands.class);
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    /** {@code Converter.INSPECT}: the full, multi-line rendering the shell uses for results. */
    private static final int INSPECT = 0;

    private final BundleContext context;
    private final ServiceReference<?> reference;
    private final Object session;
    private final Method execute;
    private final Method format;
    private final Method close;
    private final PrintStream out;
    private final PrintStream err;

    private GogoCommands(BundleContext context, ServiceReference<?> reference, Object session, Class<?> sessionType,
            PrintStream out, PrintStream err) throws NoSuchMethodException {
        this.context = context;
        this.reference = reference;
        this.session = session;
        this.execute = sessionType.getMethod("execute", CharSequence.class);
        this.format = sessionType.getMethod("format", Object.class, int.class);
        this.close = sessionType.getMethod("close");
        this.out = out;
        this.err = err;
    }

    /**
     * Opens a session.
     *
     * @param context a bundle context of the running framework
     * @param out where command output goes (not closed by this class)
     * @param err where error lines go (not closed by this class)
     * @return the open session
     * @throws StartupException when no CommandProcessor service exists or it cannot be used
     */
    static GogoCommands open(BundleContext context, PrintStream out, PrintStream err) throws StartupException {
        ServiceReference<?> reference = context.getServiceReference(PROCESSOR);
        if (reference == null) {
            throw new StartupException("No Gogo CommandProcessor service: is the Gogo runtime bundle active?");
        }
        Object processor = context.getService(reference);
        try {
            ClassLoader gogo = reference.getBundle().adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
            Class<?> processorType = gogo.loadClass(PROCESSOR);
            Class<?> sessionType = gogo.loadClass(SESSION);
            Object session = processorType
                    .getMethod("createSession", java.io.InputStream.class, OutputStream.class, OutputStream.class)
                    .invoke(processor, new ByteArrayInputStream(new byte[0]), new NonClosing(out), new NonClosing(err));
            return new GogoCommands(context, reference, session, sessionType, out, err);
        } catch (ReflectiveOperationException | RuntimeException e) {
            context.ungetService(reference);
            throw new StartupException("Cannot open a Gogo session: " + rootMessage(e), e);
        }
    }

    /**
     * Runs one command line and prints its output.
     *
     * @param line the command line
     * @return whether it succeeded
     */
    boolean run(String line) {
        LOG.info("Running command: {}", line);
        try {
            Object result = execute.invoke(session, line);
            if (result != null) {
                out.println(format.invoke(session, result, INSPECT));
            }
            out.flush();
            return true;
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            LOG.info("Command failed: {}", line, failure);
            out.flush();
            err.println("Error: " + rootMessage(failure));
            err.flush();
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Gogo session API mismatch", e);
        }
    }

    @Override
    public void close() {
        try {
            close.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Closing the Gogo session failed", e);
        } finally {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                LOG.debug("Framework already stopped while releasing the CommandProcessor", e);
            }
        }
    }

    /** The message of the deepest cause, or its class name when it has none. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getName() : message;
    }

    /** Keeps the session from closing System.out and System.err when it closes. */
    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream target) {
            super(target);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
