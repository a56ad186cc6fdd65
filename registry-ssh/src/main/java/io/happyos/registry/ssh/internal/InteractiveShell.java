package io.happyos.registry.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code shell} request ({@code ssh -p PORT USER@HOST}): a line loop with the prompt
 * {@value #PROMPT}, editing as {@link LineEditor} does. Each line runs in the channel's one Gogo
 * session (variables set by one line are seen by the next) on another thread, so that Ctrl-C can
 * interrupt it; what is typed while a command runs is dropped. {@code exit}, {@code logout}, Ctrl-D on
 * an empty line or the end of the input close the channel with status 0.
 */
final class InteractiveShell extends ChannelCommand {

    static final String PROMPT = "happyos> ";
    static final String BANNER = "HappyOS Registry shell. 'help' lists the commands, 'registry:list' the components; "
            + "'exit' or Ctrl-D leaves.\n";

    private static final Logger LOG = LoggerFactory.getLogger(InteractiveShell.class);
    private static final long INTERRUPTED_COMMAND_WAIT_SECONDS = 5;

    InteractiveShell(ChannelCommands commands) {
        super(commands);
    }

    @Override
    protected int run() throws IOException {
        try (ShellSession session = commands.open(actor, InputStream.nullInputStream(), out, err)) {
            print(out, BANNER);
            print(out, PROMPT);
            LineEditor editor = new LineEditor(terminal);
            Future<?> command = null;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (command != null && !command.isDone()) {
                    if (b == 0x03) {
                        session.interrupt();
                    }
                    continue;
                }
                LineEditor.Event event = editor.feed(b, out);
                if (event == LineEditor.Event.LINE) {
                    String line = editor.takeLine().strip();
                    if (line.equals("exit") || line.equals("logout")) {
                        break;
                    }
                    command = line.isEmpty() ? null : commands.threads().submit(() -> runLine(session, line));
                    if (command == null) {
                        print(out, PROMPT);
                    }
                } else if (event == LineEditor.Event.CANCEL) {
                    print(out, PROMPT);
                } else if (event == LineEditor.Event.END) {
                    print(out, "\n");
                    break;
                }
                out.flush();
            }
            stop(session, command);
        }
        return 0;
    }

    private void runLine(ShellSession session, String line) {
        session.run(line);
        print(out, PROMPT);
    }

    /** A command still running when the user leaves is interrupted, and waited for a little. */
    private void stop(ShellSession session, Future<?> command) {
        if (command == null || command.isDone()) {
            return;
        }
        session.interrupt();
        try {
            command.get(INTERRUPTED_COMMAND_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("The command of {} did not end when the channel closed", actor, e);
            command.cancel(true);
        }
    }
}
