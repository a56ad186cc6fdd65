package io.happyos.registry.ssh.internal;

/**
 * An {@code exec} request ({@code ssh -p PORT USER@HOST 'registry:list'}): the command line runs in
 * a Gogo session of its own; exit status 0 when it succeeds, 1 with {@code Error: MESSAGE} on the
 * error stream when it fails.
 */
final class ExecCommand extends ChannelCommand {

    private final String line;

    ExecCommand(ChannelCommands commands, String line) {
        super(commands);
        this.line = line;
    }

    @Override
    protected int run() {
        if (line.isBlank()) {
            print(err, "Error: no command given; give a Gogo command line, e.g. registry:list\n");
            return 2;
        }
        try (ShellSession session = commands.open(actor, in, out, err)) {
            return session.run(line) ? 0 : 1;
        }
    }
}
