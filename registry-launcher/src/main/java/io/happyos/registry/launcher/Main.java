package io.happyos.registry.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar happyos-registry.jar}: parses the command line, sets up logging, starts the
 * container ({@link RegistryContainer}) and either runs the interactive shell on the terminal (with
 * a progress line while the bundles folder is deployed) or runs command lines (from {@code -c}, or
 * from standard input when it is not a terminal) and stops.
 *
 * <p>No logger is created before {@link #configureLogging} has set {@code happyos.log.dir}, which
 * the bundled {@code logback.xml} reads.
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_COMMAND_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_STARTUP_FAILED = 3;
    /** As a shell reports a process ended by Ctrl-C (128 + SIGINT). */
    static final int EXIT_INTERRUPTED = 130;

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The logger of start-up failures: the log file only (see logback.xml), since the console gets
     * one "Error:" line instead.
     */
    static final String STARTUP_LOG = "io.happyos.registry.launcher.startup";

    /** The framework property that tells {@code registry:settings} where each setting came from. */
    static final String SETTINGS_PROPERTY = "happyos.settings";

    /** The settings the builder takes through a method of its own; the others go as framework properties. */
    private static final Set<String> TYPED_SETTINGS = Set.of(
            Setting.BUNDLES_DIR,
            Setting.STORAGE_DIR,
            Setting.LOG_DIR,
            Setting.WATCH,
            Setting.AUTO_ROLLBACK,
            Setting.CLUSTER,
            Setting.NODE,
            Setting.SESSION_TIMEOUT,
            Setting.CLUSTER_AUTH,
            Setting.HTTP,
            Setting.HTTP_TLS,
            Setting.HTTP_TLS_PASSWORD,
            Setting.HTTP_INSECURE,
            Setting.HTTP_TOKEN_FILE,
            Setting.SSH,
            Setting.SSH_KEYS);

    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the launcher and exits the JVM with its exit code.
     *
     * @param args the command line; see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    int run(String[] args) {
        LauncherOptions options;
        try {
            options = CommandLineParser.parse(System.getenv(), args);
        } catch (UsageException e) {
            err.println("happyos-registry: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(Usage.text());
            return EXIT_OK;
        }
        BuildInfo build = BuildInfo.load();
        if (options.version()) {
            out.println("happyos-registry " + build.version());
            return EXIT_OK;
        }
        StorageLock lock;
        try {
            StorageFolder.prepare(options.storageDir());
            // before logging too: a second container must not write into the first one's log
            lock = StorageLock.acquire(options.storageDir());
        } catch (StartupException e) {
            err.println("Error: " + e.getMessage());
            return EXIT_STARTUP_FAILED;
        }
        try (lock) {
            configureLogging(options);
            return runContainer(options, build, lock);
        }
    }

    private static void configureLogging(LauncherOptions options) {
        if (System.getProperty(Setting.LOG_DIR) == null) {
            SettingSources.Value logDir = options.settings().get(Setting.LOG_DIR);
            System.setProperty(
                    Setting.LOG_DIR,
                    logDir != null && !logDir.text().isBlank()
                            ? logDir.text()
                            : FrameworkSettings.logDir(options.storageDir()).toString());
        }
    }

    /**
     * The container the command line asks for.
     *
     * @param options the command line
     * @return a builder with its settings
     */
    static RegistryContainer.Builder containerFor(LauncherOptions options) {
        RegistryContainer.Builder builder = RegistryContainer.builder()
                .bundlesDir(options.bundlesDir())
                .storageDir(options.storageDir())
                .clean(options.clean())
                .watch(!options.noWatch())
                .autoRollback(!options.noAutoRollback())
                // the launcher never has the registry API on its class path (pitfall 2)
                .shareRegistryApi(false);
        if (options.etcDir() != null) {
            builder.etcDir(options.etcDir());
        }
        options.frameworkProperties().forEach(builder::frameworkProperty);
        for (Map.Entry<String, SettingSources.Value> setting :
                options.settings().entrySet()) {
            if (!TYPED_SETTINGS.contains(setting.getKey())) {
                builder.frameworkProperty(setting.getKey(), setting.getValue().text());
            }
        }
        builder.frameworkProperty(SETTINGS_PROPERTY, origins(options));
        if (options.web() != null) {
            LauncherOptions.WebOptions web = options.web();
            builder.http(web.address().toString()).httpInsecure(web.insecure());
            if (web.tls() != null) {
                SettingSources.Value password = options.settings().get(Setting.HTTP_TLS_PASSWORD);
                builder.httpTls(web.tls(), password == null ? "" : password.text());
            }
            if (web.tokenFile() != null) {
                builder.httpTokenFile(web.tokenFile());
            }
        }
        if (options.cluster() != null) {
            builder.cluster(options.cluster());
            if (options.node() != null) {
                builder.node(options.node());
            }
            if (options.clusterSessionTimeout() != null) {
                builder.clusterSessionTimeout(options.clusterSessionTimeout());
            }
            if (options.clusterAuth() != null) {
                builder.clusterAuth(options.clusterAuth());
            }
        }
        if (options.ssh() != null) {
            builder.ssh(options.ssh()).sshAuthorizedKeys(options.sshAuthorizedKeys());
        }
        return builder;
    }

    /**
     * Where each setting came from, one {@code KEY TAB ORIGIN TAB DEFAULT} line per setting in the
     * table's order, for {@code registry:settings} (which reads each value from the framework
     * properties, and shows the default for one that is not set).
     */
    static String origins(LauncherOptions options) {
        StringBuilder lines = new StringBuilder();
        for (Setting setting : Setting.ALL) {
            SettingSources.Value value = options.settings().get(setting.key());
            lines.append(setting.key())
                    .append('\t')
                    .append(value == null ? "default" : value.origin())
                    .append('\t')
                    .append(setting.defaultText() == null ? "" : setting.defaultText())
                    .append('\n');
        }
        return lines.toString();
    }

    private int runContainer(LauncherOptions options, BuildInfo build, StorageLock lock) {
        Logger log = LoggerFactory.getLogger(Main.class);
        boolean interactive = !options.batch() && System.console() != null;
        log.info(
                "happyos-registry {} starting ({})",
                build.version(),
                options.batch() ? "commands" : interactive ? "interactive shell" : "commands from standard input");
        RegistryContainer.Builder builder = containerFor(options).heldLock(lock);
        try {
            return interactive ? runInteractive(builder, options) : runBatch(builder, options);
        } catch (StartupException e) {
            LoggerFactory.getLogger(STARTUP_LOG).error("Start-up failed", e);
            err.println("Error: " + e.getMessage());
            return EXIT_STARTUP_FAILED;
        }
    }

    /** Says where the web console listens, and where its token is. */
    private static void announce(RegistryContainer container, LauncherOptions options, PrintStream to) {
        if (options.web() == null) {
            return;
        }
        Path token = options.web().tokenFile() != null
                ? options.web().tokenFile()
                : options.storageDir().resolve("http.token");
        container
                .httpUri()
                .ifPresentOrElse(
                        uri -> to.println("Web console: " + uri + " (changes need the bearer token in " + token + ")"),
                        () -> to.println("Web console: not listening; see the log in "
                                + FrameworkSettings.logDir(options.storageDir())));
    }

    private int runBatch(RegistryContainer.Builder builder, LauncherOptions options) throws StartupException {
        RegistryContainer container = builder.readyTimeout(Duration.ZERO).start();
        Thread hook = stopOnExit(container);
        try {
            RegistryReadiness.await(container.bundleContext(), READY_TIMEOUT);
            // on standard error: standard output carries the commands' output, which scripts read
            announce(container, options, err);
            printRemoteAccess(container, err);
            Iterator<String> lines = options.batch() ? options.commands().iterator() : standardInputLines();
            return runCommands(container, lines);
        } finally {
            container.stop();
            removeHook(hook);
        }
    }

    private int runInteractive(RegistryContainer.Builder builder, LauncherOptions options) throws StartupException {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new StartupException(
                    "Cannot open the terminal for the interactive shell: " + e.getMessage()
                            + "; run commands with -c or on standard input instead",
                    e);
        }
        // JLine puts the operating system's default back for Ctrl-C, which would kill the JVM
        // without its shutdown hooks: until the shell takes Ctrl-C over, it stops the container cleanly
        terminal.handle(Terminal.Signal.INT, signal -> System.exit(EXIT_INTERRUPTED));
        try (terminal) {
            StartupProgress progress = StartupProgress.forFolder(options.bundlesDir(), out, terminal::getWidth);
            RegistryContainer container = builder.readyTimeout(Duration.ZERO)
                    .beforeStart(progress::attach)
                    .start();
            Thread hook = stopOnExit(container);
            try {
                boolean ready = RegistryReadiness.await(container.bundleContext(), READY_TIMEOUT, progress::redraw);
                progress.finish();
                if (!container.isRunning()) {
                    return EXIT_INTERRUPTED; // Ctrl-C or SIGTERM during start-up
                }
                if (!ready) {
                    out.println(
                            "The registry is still deploying the bundles folder; registry:list shows how far it got.");
                }
                announce(container, options, out);
                printRemoteAccess(container, out);
                try (GogoCommands gogo = GogoCommands.open(container.bundleContext(), out, err)) {
                    new InteractiveShell(terminal, gogo, container, options.storageDir()).run();
                }
                return EXIT_OK;
            } finally {
                container.stop();
                removeHook(hook);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(Main.class).debug("Closing the terminal failed", e);
            return EXIT_OK;
        }
    }

    /** Where the container can be reached from elsewhere, when it listens at all. */
    private static void printRemoteAccess(RegistryContainer container, PrintStream to) {
        container.sshPort().ifPresent(port -> {
            String host = container.sshHost().orElse("127.0.0.1");
            to.println("SSH shell: ssh -p " + port + " " + System.getProperty("user.name", "USER") + "@"
                    + (host.contains(":") ? "[" + host + "]" : host));
            to.flush();
        });
    }

    private static Thread stopOnExit(RegistryContainer container) {
        Thread hook = new Thread(container::stop, "happyos-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Runs the lines in order and stops at the first that fails. */
    private int runCommands(RegistryContainer container, Iterator<String> lines) throws StartupException {
        try (GogoCommands gogo = GogoCommands.open(container.bundleContext(), out, err)) {
            while (lines.hasNext()) {
                String line = lines.next().strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!gogo.run(line)) {
                    return EXIT_COMMAND_FAILED;
                }
                if (!container.isRunning()) {
                    // a command stopped the framework (e.g. "stop 0"): nothing left to run commands in
                    return EXIT_OK;
                }
            }
            return EXIT_OK;
        }
    }

    private static Iterator<String> standardInputLines() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        return new Iterator<>() {
            private String next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = reader.readLine();
                    } catch (IOException e) {
                        LoggerFactory.getLogger(Main.class).warn("Cannot read standard input", e);
                    }
                    done = next == null;
                }
                return !done;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                String line = next;
                next = null;
                return line;
            }
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (SIGTERM): the hook is running or has run
        }
    }
}
