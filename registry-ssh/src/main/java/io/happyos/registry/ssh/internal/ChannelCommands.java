package io.happyos.registry.ssh.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.shell.ShellFactory;

/**
 * What an SSH session channel runs: an {@code exec} request a {@link ExecCommand}, a {@code shell}
 * request an {@link InteractiveShell}, each in a Gogo session of its own on the bundle's threads.
 */
final class ChannelCommands implements CommandFactory, ShellFactory {

    static final String NO_GOGO = "the Gogo shell is not available: the bundle org.apache.felix.gogo.runtime is not "
            + "active (felix:lb on the container's console lists the bundles and their states)";

    private final Supplier<CommandProcessor> processor;
    private final SessionActors actors;
    private final ExecutorService threads;

    /**
     * The commands.
     *
     * @param processor Gogo's command processor now, or {@code null} when there is none
     * @param actors where each session's actor is published
     * @param threads the threads the channels' commands run on
     */
    ChannelCommands(Supplier<CommandProcessor> processor, SessionActors actors, ExecutorService threads) {
        this.processor = processor;
        this.actors = actors;
        this.threads = threads;
    }

    @Override
    public Command createCommand(ChannelSession channel, String command) {
        return new ExecCommand(this, command);
    }

    @Override
    public Command createShell(ChannelSession channel) {
        return new InteractiveShell(this);
    }

    /**
     * Opens a Gogo session for a channel.
     *
     * @param actor the channel's actor
     * @param in what the commands read
     * @param out the channel's output
     * @param err the channel's error stream
     * @return the session
     * @throws IllegalStateException when Gogo is not there
     */
    ShellSession open(String actor, InputStream in, OutputStream out, OutputStream err) {
        CommandProcessor current = processor.get();
        if (current == null) {
            throw new IllegalStateException(NO_GOGO);
        }
        return ShellSession.open(current, actors, actor, in, out, err);
    }

    ExecutorService threads() {
        return threads;
    }
}
