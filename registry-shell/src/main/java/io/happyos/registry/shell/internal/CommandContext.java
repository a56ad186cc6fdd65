package io.happyos.registry.shell.internal;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.text.JsonOutput;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every command needs: the registry, a way to wait for its operations, and where to print.
 *
 * <p>Output goes to {@code System.out} by default, which Gogo redirects per session and pipes.
 */
final class CommandContext {

    private final RegistryLookup lookup;
    private final Completion completion;
    private final Supplier<PrintStream> out;
    private final BooleanSupplier terminal;
    private final Function<String, String> env;
    private final Charset charset;

    /**
     * A context that never prints to a terminal.
     *
     * @param lookup the registry
     * @param completion how to wait for operations
     * @param out where to print, looked up at each print
     */
    CommandContext(RegistryLookup lookup, Completion completion, Supplier<PrintStream> out) {
        this(lookup, completion, out, () -> false);
    }

    /**
     * A context.
     *
     * @param lookup the registry
     * @param completion how to wait for operations
     * @param out where to print, looked up at each print
     * @param terminal whether the output is a terminal, where progress lines are welcome
     */
    CommandContext(RegistryLookup lookup, Completion completion, Supplier<PrintStream> out, BooleanSupplier terminal) {
        this(lookup, completion, out, terminal, System::getenv, Charset.defaultCharset());
    }

    /**
     * A context with a given environment and character set, which decide colours and drawing.
     *
     * @param lookup the registry
     * @param completion how to wait for operations
     * @param out where to print, looked up at each print
     * @param terminal whether the output is a terminal, where progress lines are welcome
     * @param env the environment variables ({@code NO_COLOR}, {@code TERM}), by name
     * @param charset the output's character set
     */
    CommandContext(
            RegistryLookup lookup,
            Completion completion,
            Supplier<PrintStream> out,
            BooleanSupplier terminal,
            Function<String, String> env,
            Charset charset) {
        this.lookup = lookup;
        this.completion = completion;
        this.out = out;
        this.terminal = terminal;
        this.env = env;
        this.charset = charset;
    }

    /**
     * The context the bundle uses: {@code System.out}, the default timeout, and the JVM's console
     * telling whether a person is watching (never for a remote session: its client is not that
     * console).
     *
     * @param lookup the registry
     * @return the context
     */
    static CommandContext standard(RegistryLookup lookup) {
        return new CommandContext(
                lookup,
                new Completion(Completion.DEFAULT_TIMEOUT),
                () -> System.out,
                () -> System.console() != null && !lookup.remoteSession(),
                System::getenv,
                stdoutCharset());
    }

    /** What {@code System.out} encodes to: the terminal's encoding when it is one, else the default. */
    private static Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    /**
     * The registry.
     *
     * @return the service
     * @throws IllegalStateException when it is not available
     */
    DynamicRegistry registry() {
        return lookup.registry();
    }

    /**
     * The id of the component a user means.
     *
     * @param reference an id, a name or a bundle number
     * @return the id
     */
    String resolve(String reference) {
        return new IdResolver(registry()).resolve(reference);
    }

    /**
     * Waits for an operation.
     *
     * @param stage the operation
     * @param what what it does, for a timeout message
     * @return its result
     */
    <T> T await(CompletionStage<T> stage, String what) {
        return completion.await(stage, what);
    }

    /**
     * How long operations are waited for.
     *
     * @return the timeout
     */
    Duration timeout() {
        return completion.timeout();
    }

    /**
     * Whether the output is a terminal (a person watching) rather than a pipe or a script.
     *
     * @return {@code true} on a terminal
     */
    boolean onTerminal() {
        return terminal.getAsBoolean();
    }

    /**
     * What the output can show now: colours and cursor moves on a terminal (colours not with
     * {@code NO_COLOR} set), line drawing when the character set has it. The one place where these
     * are decided.
     *
     * @return the output's abilities
     */
    Ansi ansi() {
        return Ansi.decide(onTerminal(), env, charset);
    }

    /**
     * Prints text without adding a line feed, for a line redrawn in place.
     *
     * @param text the text
     */
    void printRaw(String text) {
        PrintStream stream = out.get();
        stream.print(text);
        stream.flush();
    }

    /**
     * Prints text as it is; a missing final line feed is added.
     *
     * @param text the text
     */
    void print(String text) {
        PrintStream stream = out.get();
        stream.print(text.endsWith("\n") ? text : text + '\n');
        stream.flush();
    }

    /**
     * Prints a value as JSON on one line.
     *
     * @param value the value
     */
    void printJson(Object value) {
        print(JsonOutput.text(value));
    }
}
