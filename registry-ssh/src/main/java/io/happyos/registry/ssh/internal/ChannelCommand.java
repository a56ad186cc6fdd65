package io.happyos.registry.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link ExecCommand} and {@link InteractiveShell} share: the channel's streams (with line ends
 * for a terminal when the client asked for a PTY), the session's actor, the run on one of the bundle's
 * threads after the login is audited, and the exit status reported once.
 */
abstract class ChannelCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelCommand.class);
    /** How long a command waits for its session's login record before it runs anyway. */
    private static final long LOGIN_RECORD_WAIT_SECONDS = 10;

    protected final ChannelCommands commands;
    protected InputStream in;
    private OutputStream rawOut;
    private OutputStream rawErr;
    protected OutputStream out;
    protected OutputStream err;
    protected boolean terminal;
    protected String actor;
    private ExitCallback exit;
    private Future<?> running;

    ChannelCommand(ChannelCommands commands) {
        this.commands = commands;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.rawOut = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.rawErr = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        terminal = !env.getPtyModes().isEmpty();
        out = terminal ? new TerminalOutput(rawOut) : rawOut;
        err = terminal ? new TerminalOutput(rawErr) : rawErr;
        LoginAttempt attempt = LoginAttempt.of(channel.getSession());
        actor = attempt.actor();
        running = commands.threads().submit(() -> {
            int status = 1;
            try {
                awaitLoginRecord(attempt);
                status = run();
            } catch (IllegalStateException | IOException e) {
                LOG.info("SSH channel of {} failed", actor, e);
                print(err, "Error: " + e.getMessage() + "\n");
            } finally {
                flushQuietly();
                exit.onExit(status);
            }
        });
    }

    /**
     * Runs on one of the bundle's threads until the channel's work is done.
     *
     * @return the exit status
     * @throws IOException when the channel fails
     */
    protected abstract int run() throws IOException;

    @Override
    public void destroy(ChannelSession channel) {
        if (running != null) {
            running.cancel(true);
        }
    }

    /** Writes text in UTF-8, ignoring a channel that has gone. */
    protected static void print(OutputStream stream, String text) {
        try {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException e) {
            LOG.debug("SSH channel closed while writing", e);
        }
    }

    private void awaitLoginRecord(LoginAttempt attempt) {
        try {
            attempt.loginRecorded().get(LOGIN_RECORD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The login of {} was not audited in time; its commands run anyway", actor, e);
        }
    }

    private void flushQuietly() {
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            LOG.debug("SSH channel closed before its output was flushed", e);
        }
    }
}
