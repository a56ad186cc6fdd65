package io.happyos.registry.ssh.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gogo session for one SSH channel, its actor known to {@link SessionActors} until it is closed.
 * A command's output and its formatted result go to the channel's output; a command that fails prints
 * {@code Error: MESSAGE} (the root cause's message) to the channel's error stream, the stack trace to
 * the log only.
 */
final class ShellSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShellSession.class);

    private final CommandSession session;
    private final SessionActors actors;
    private final String actor;
    private final PrintStream out;
    private final PrintStream err;
    /** Whether Ctrl-C interrupted the command running now. */
    private final AtomicBoolean interrupted = new AtomicBoolean();

    private ShellSession(CommandSession session, SessionActors actors, String actor, PrintStream out, PrintStream err) {
        this.session = session;
        this.actors = actors;
        this.actor = actor;
        this.out = out;
        this.err = err;
    }

    /**
     * Opens a session. The channel's streams are not closed with it.
     *
     * @param processor Gogo's command processor
     * @param actors where the session's actor is published
     * @param actor {@code ssh:USER@ADDRESS}
     * @param in the channel's input
     * @param out the channel's output
     * @param err the channel's error stream
     * @return the session
     */
    static ShellSession open(
            CommandProcessor processor,
            SessionActors actors,
            String actor,
            InputStream in,
            OutputStream out,
            OutputStream err) {
        PrintStream printOut = new PrintStream(new KeptOpen(out), true, StandardCharsets.UTF_8);
        PrintStream printErr = new PrintStream(new KeptOpen(err), true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(in, printOut, printErr);
        actors.put(session, actor);
        return new ShellSession(session, actors, actor, printOut, printErr);
    }

    /**
     * Runs one command line and prints what it printed and returned.
     *
     * @param line the command line
     * @return whether it succeeded
     */
    boolean run(String line) {
        LOG.info("SSH command by {}: {}", actor, line);
        interrupted.set(false);
        try {
            Object result = session.execute(line);
            if (result != null) {
                CharSequence text = session.format(result, Converter.INSPECT);
                out.println(text.toString().replaceFirst("\\R$", ""));
            }
            out.flush();
            return true;
        } catch (Exception e) {
            out.flush();
            if (interrupted.getAndSet(false) && rootCause(e) instanceof InterruptedException) {
                out.println();
                return false;
            }
            LOG.info("SSH command by {} failed: {}", actor, line, e);
            err.println("Error: " + rootMessage(e));
            err.flush();
            return false;
        }
    }

    /** Interrupts the command running in this session (Ctrl-C), if any. */
    void interrupt() {
        Job job = session.foregroundJob();
        if (job != null) {
            interrupted.set(true);
            job.interrupt();
        }
    }

    @Override
    public void close() {
        actors.remove(session);
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the Gogo session of {} failed", actor, e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = rootCause(failure);
        String message = root.getMessage();
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

    /** The channel's stream stays open when Gogo closes the session: the channel closes it. */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream target) {
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
