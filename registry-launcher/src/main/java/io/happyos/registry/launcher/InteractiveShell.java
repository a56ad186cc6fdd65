package io.happyos.registry.launcher;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell a person gets on a terminal: a JLine line editor (Tab completion from the registry
 * shell, history kept in {@code STORAGE/shell.history}, the usual editing keys) in front of one
 * Gogo session. Ctrl-C at the prompt drops the line; while a command runs, it interrupts the
 * command. Ctrl-D (or {@code stop 0}) stops the container.
 */
final class InteractiveShell {

    static final String PROMPT = "happyos> ";
    static final String BANNER = "HappyOS Registry. Type help for the commands, Tab to complete, Ctrl-D to stop.";
    static final String HISTORY_FILE = "shell.history";

    private static final Logger LOG = LoggerFactory.getLogger(InteractiveShell.class);

    private final Terminal terminal;
    private final GogoCommands gogo;
    private final RegistryContainer container;
    private final Path history;

    /**
     * A shell.
     *
     * @param terminal the terminal, already open
     * @param gogo the session commands run in
     * @param container the container, to notice when a command stopped it
     * @param storageDir where the history file goes
     */
    InteractiveShell(Terminal terminal, GogoCommands gogo, RegistryContainer container, Path storageDir) {
        this.terminal = terminal;
        this.gogo = gogo;
        this.container = container;
        this.history = storageDir.resolve(HISTORY_FILE);
    }

    /** Reads and runs lines until Ctrl-D, or until a command stops the container. */
    void run() {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(true);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("happyos-registry")
                .parser(parser)
                .completer(new GogoCompleter(gogo::complete))
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        terminal.handle(Terminal.Signal.INT, signal -> gogo.interrupt());
        terminal.writer().println(BANNER);
        terminal.flush();
        while (container.isRunning()) {
            String line;
            try {
                line = reader.readLine(PROMPT).strip();
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt: the line is dropped, as in any shell
            } catch (EndOfFileException e) {
                break; // Ctrl-D
            }
            if (!line.isEmpty() && !line.startsWith("#")) {
                gogo.run(line);
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            LOG.warn("Cannot save the shell history to {}: {}", history, e.getMessage());
        }
    }
}
