package io.happyos.registry.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns the arguments of {@code java -jar happyos-registry.jar} into {@link LauncherOptions}. */
final class CommandLineParser {

    static final String DEFAULT_BUNDLES_DIR = "bundles";
    static final String DEFAULT_STORAGE_DIR = ".happyos-registry";

    private CommandLineParser() {}

    /**
     * Parses the arguments. Options may come in any order; {@code -c} may be repeated. An option's
     * value may also be attached with {@code =}, as in {@code --storage=/tmp/reg}.
     *
     * @param args the arguments
     * @return the options, with absolute, normalised paths
     * @throws UsageException for an unknown option, a missing value, or a stray argument
     */
    static LauncherOptions parse(String... args) throws UsageException {
        String bundles = DEFAULT_BUNDLES_DIR;
        String storage = DEFAULT_STORAGE_DIR;
        boolean clean = false;
        boolean noWatch = false;
        boolean noAutoRollback = false;
        boolean help = false;
        boolean version = false;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--bundles" -> bundles = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "--storage" -> storage = inlineValue != null ? inlineValue : valueOf(args, ++i, name);
                case "-c", "--command" -> commands.add(inlineValue != null ? inlineValue : valueOf(args, ++i, name));
                case "--clean" -> clean = noValue(name, inlineValue);
                case "--no-watch" -> noWatch = noValue(name, inlineValue);
                case "--no-auto-rollback" -> noAutoRollback = noValue(name, inlineValue);
                case "-h", "--help" -> help = noValue(name, inlineValue);
                case "-V", "--version" -> version = noValue(name, inlineValue);
                default ->
                    throw new UsageException(
                            arg.startsWith("-")
                                    ? "Unknown option '" + arg + "'. Try --help."
                                    : "Unexpected argument '" + arg + "' (commands go after -c). Try --help.");
            }
        }
        for (String command : commands) {
            if (command.isBlank()) {
                throw new UsageException("Option -c needs a non-empty command line. Try --help.");
            }
        }
        return new LauncherOptions(
                absolute(bundles), absolute(storage), clean, commands, help, version, noWatch, noAutoRollback);
    }

    private static String valueOf(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException("Option " + option + " needs a value. Try --help.");
        }
        return args[index];
    }

    private static boolean noValue(String option, String inlineValue) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException("Option " + option + " takes no value. Try --help.");
        }
        return true;
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
