package io.happyos.registry.launcher;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
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
 * of the root cause>}, to stderr; the stack trace goes to the log only. A command that writes to
 * stderr (its own words, or a warning logged while it ran) counts as failed too: a script sees the
 * same outcome a person sees. The framework's own commands ({@code felix:start} and the others)
 * throw their failures as well, while a session is open ({@link FrameworkCommandChecks}).
 */
final class GogoCommands implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GogoCommands.class);
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    private static final String JOB = "org.apache.felix.service.command.Job";
    /** The session variable that carries a line to {@code registry:complete}, unparsed. */
    static final String COMPLETION_LINE = "happyosCompletionLine";
    /** {@code Converter.INSPECT}: the full, multi-line rendering the shell uses for results. */
    private static final int INSPECT = 0;

    private final BundleContext context;
    private final ServiceReference<?> reference;
    private final Object session;
    private final Method execute;
    private final Method format;
    private final Method close;
    private final Method put;
    private final Method foregroundJob;
    private final Method interruptJob;
    private final PrintStream out;
    private final PrintStream err;
    private final FrameworkCommandChecks checks;
    /** Whether the running command wrote to the session's standard error. */
    private final AtomicBoolean wroteError;
    /** Whether Ctrl-C interrupted the command running now. */
    private final AtomicBoolean interrupted = new AtomicBoolean();

    private GogoCommands(
            BundleContext context,
            ServiceReference<?> reference,
            Object session,
            Class<?> sessionType,
            Class<?> jobType,
            PrintStream out,
            PrintStream err,
            FrameworkCommandChecks checks,
            AtomicBoolean wroteError)
            throws NoSuchMethodException {
        this.context = context;
        this.reference = reference;
        this.session = session;
        this.execute = sessionType.getMethod("execute", CharSequence.class);
        this.format = sessionType.getMethod("format", Object.class, int.class);
        this.close = sessionType.getMethod("close");
        this.put = sessionType.getMethod("put", String.class, Object.class);
        this.foregroundJob = sessionType.getMethod("foregroundJob");
        this.interruptJob = jobType.getMethod("interrupt");
        this.out = out;
        this.err = err;
        this.checks = checks;
        this.wroteError = wroteError;
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
        ServiceReference<?> reference = anyReference(context, PROCESSOR);
        if (reference == null) {
            throw new StartupException("No Gogo CommandProcessor service: is the Gogo runtime bundle active?");
        }
        Object processor = context.getService(reference);
        try {
            ClassLoader gogo = reference
                    .getBundle()
                    .adapt(org.osgi.framework.wiring.BundleWiring.class)
                    .getClassLoader();
            Class<?> processorType = gogo.loadClass(PROCESSOR);
            Class<?> sessionType = gogo.loadClass(SESSION);
            AtomicBoolean wroteError = new AtomicBoolean();
            Object session = processorType
                    .getMethod("createSession", java.io.InputStream.class, OutputStream.class, OutputStream.class)
                    .invoke(
                            processor,
                            new ByteArrayInputStream(new byte[0]),
                            new NonClosing(out, null),
                            new NonClosing(err, wroteError));
            FrameworkCommandChecks checks = FrameworkCommandChecks.install(context, processor, gogo);
            return new GogoCommands(
                    context, reference, session, sessionType, gogo.loadClass(JOB), out, err, checks, wroteError);
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
        interrupted.set(false);
        wroteError.set(false);
        try {
            Object result = execute.invoke(session, line);
            if (result != null) {
                // Gogo ends a formatted collection with a line break of its own
                out.println(
                        String.valueOf(format.invoke(session, result, INSPECT)).replaceFirst("\\R$", ""));
            }
            out.flush();
            if (wroteError.get()) {
                LOG.info("Command wrote to standard error, so it failed: {}", line);
                return false;
            }
            return true;
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            out.flush();
            if (interrupted.getAndSet(false) && rootCause(failure) instanceof InterruptedException) {
                // Ctrl-C: Gogo reports the interrupted job as failed, but the user asked it to stop
                LOG.info("Command interrupted: {}", line);
                out.println();
                out.flush();
                return false;
            }
            LOG.info("Command failed: {}", line, failure);
            err.println("Error: " + inWords(line, rootMessage(failure)));
            err.flush();
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Gogo session API mismatch", e);
        }
    }

    /**
     * What Tab completes the last word of a line to, from the shell's {@code registry:complete}. The
     * line reaches the command through a session variable, so that no quoting can change it.
     *
     * @param line the line up to the cursor
     * @return the candidates; empty when there are none or the command is not there
     */
    List<String> complete(String line) {
        try {
            put.invoke(session, COMPLETION_LINE, line);
            Object result = execute.invoke(session, "registry:complete $" + COMPLETION_LINE);
            if (result instanceof List<?> words) {
                return words.stream().map(String::valueOf).toList();
            }
            return List.of();
        } catch (InvocationTargetException e) {
            LOG.debug("Completion of '{}' failed", line, e.getCause());
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Gogo session API mismatch", e);
        }
    }

    /**
     * Interrupts the command running in this session (Ctrl-C), if any.
     *
     * @return whether a command was running
     */
    boolean interrupt() {
        try {
            Object job = foregroundJob.invoke(session);
            if (job == null) {
                return false;
            }
            interrupted.set(true);
            interruptJob.invoke(job);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot interrupt the running command", e);
            return false;
        }
    }

    @Override
    public void close() {
        checks.close();
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

    /**
     * The best service of a class, whatever class loader the caller would load the class from: an
     * application that embeds the container may have its own copy of Gogo's API on its class path,
     * which {@code getServiceReference} would take for an incompatible class.
     */
    private static ServiceReference<?> anyReference(BundleContext context, String type) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(type, null);
            if (references == null) {
                return null;
            }
            return Arrays.stream(references).max(Comparable::compareTo).orElse(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter given, yet: " + e.getMessage(), e);
        }
    }

    /**
     * Gogo's own words for arguments that fit no form of a command ("Cannot coerce list(Token) to
     * any of [...]", "argument type mismatch") put as one line a user can act on; other messages
     * are kept.
     *
     * @param line the command line
     * @param message the failure's message
     * @return the line to print
     */
    static String inWords(String line, String message) {
        if (!message.startsWith("Cannot coerce ") && !message.equals("argument type mismatch")) {
            return message;
        }
        String[] words = line.strip().split("\\s+", 2);
        String command = words[0];
        String arguments = words.length > 1 ? words[1] : "";
        return command + ": "
                + (arguments.isEmpty() ? "missing arguments" : "unknown option or wrong arguments '" + arguments + "'")
                + "; help " + command + " lists its options and arguments";
    }

    /** The message of the deepest cause, or its class name when it has none. */
    static String rootMessage(Throwable failure) {
        Throwable root = rootCause(failure);
        String message = root.getMessage();
        if (root instanceof InterruptedException && (message == null || message.isBlank())) {
            return "interrupted";
        }
        return message == null || message.isBlank() ? root.getClass().getName() : message;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Keeps the session from closing System.out and System.err when it closes, and notes whether
     * anything was written.
     */
    private static final class NonClosing extends FilterOutputStream {

        private final AtomicBoolean written;

        NonClosing(OutputStream target, AtomicBoolean written) {
            super(target);
            this.written = written;
        }

        @Override
        public void write(int b) throws IOException {
            noteWritten();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                noteWritten();
            }
            out.write(b, off, len);
        }

        private void noteWritten() {
            if (written != null) {
                written.set(true);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
