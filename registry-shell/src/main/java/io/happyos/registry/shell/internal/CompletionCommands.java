package io.happyos.registry.shell.internal;

import io.happyos.registry.RegistryEntry;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code complete}: what Tab offers for the last word of a command line. The launcher's interactive
 * shell calls it on every Tab; it is a command too, so that any console (or a script) can ask.
 *
 * <p>It returns the candidates, one per line when Gogo prints them. It never fails: without the
 * registry it offers command names and options only.
 */
public final class CompletionCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"complete"};

    /** The Gogo session variable holding every command's {@code scope:function}. */
    static final String COMMANDS_VARIABLE = ".commands";

    private static final Logger LOG = LoggerFactory.getLogger(CompletionCommands.class);

    private final CommandContext ctx;
    private final LineCompleter completer;

    CompletionCommands(CommandContext ctx, CommandSyntax syntax) {
        this.ctx = ctx;
        this.completer = new LineCompleter(syntax);
    }

    /**
     * The candidates for the last word of a line.
     *
     * @param session the Gogo session, which knows every command
     * @param line the line typed so far; several words are joined with spaces
     * @return the words that may replace its last word, sorted
     */
    @Descriptor("list what Tab completes the last word of a command line to: command names, options, component ids. "
            + "Example: registry:complete 'registry:activate calc'")
    public List<String> complete(
            CommandSession session,
            @Descriptor("the command line typed so far; quote it to keep a trailing space") String... line) {
        return completer.complete(String.join(" ", line), commandNames(session), this::components);
    }

    private static Collection<String> commandNames(CommandSession session) {
        Object names = session.get(COMMANDS_VARIABLE);
        if (names instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return Set.of();
    }

    private List<RegistryEntry> components() {
        try {
            return ctx.registry().listComponents();
        } catch (IllegalStateException unavailable) {
            LOG.debug("no registry to complete component ids from", unavailable);
            return List.of();
        }
    }
}
