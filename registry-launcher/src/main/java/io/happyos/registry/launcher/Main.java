package io.happyos.registry.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Iterator;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar happyos-registry.jar}: parses the command line, sets up logging, starts the
 * container and either hands the console to the Gogo shell or runs command lines (from {@code -c},
 * or from standard input when it is not a terminal) and stops.
 *
 * <p>No logger is created before {@link #configureLogging} has set {@code happyos.log.dir}, which
 * the bundled {@code logback.xml} reads.
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_COMMAND_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_STARTUP_FAILED = 3;

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The logger of start-up failures: the log file only (see logback.xml), since the console gets
     * one "Error:" line instead.
     */
    static final String STARTUP_LOG = "io.happyos.registry.launcher.startup";

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
            options = CommandLineParser.parse(args);
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
            return runContainer(options, build);
        }
    }

    private static void configureLogging(LauncherOptions options) {
        if (System.getProperty("happyos.log.dir") == null) {
            System.setProperty("happyos.log.dir", FrameworkSettings.logDir(options.storageDir()).toString());
        }
    }

    private int runContainer(LauncherOptions options, BuildInfo build) {
        Logger log = LoggerFactory.getLogger(Main.class);
        boolean interactive = !options.batch() && System.console() != null;
        log.info("happyos-registry {} starting ({})", build.version(),
                options.batch() ? "commands" : interactive ? "interactive shell" : "commands from standard input");
        Container container;
        try {
            container = Container.start(options, build, interactive);
        } catch (StartupException e) {
            LoggerFactory.getLogger(STARTUP_LOG).error("Start-up failed", e);
            err.println("Error: " + e.getMessage());
            return EXIT_STARTUP_FAILED;
        }
        Thread hook = new Thread(container::stop, "happyos-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (interactive) {
                container.awaitStop();
                return EXIT_OK;
            }
            RegistryReadiness.await(container.framework().getBundleContext(), READY_TIMEOUT);
            Iterator<String> lines = options.batch() ? options.commands().iterator() : standardInputLines();
            return runCommands(container, lines);
        } catch (StartupException e) {
            LoggerFactory.getLogger(STARTUP_LOG).error("Start-up failed", e);
            err.println("Error: " + e.getMessage());
            return EXIT_STARTUP_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_STARTUP_FAILED;
        } finally {
            container.stop();
            removeHook(hook);
        }
    }

    /** Runs the lines in order and stops at the first that fails. */
    private int runCommands(Container container, Iterator<String> lines) throws StartupException {
        try (GogoCommands gogo = GogoCommands.open(container.framework().getBundleContext(), out, err)) {
            while (lines.hasNext()) {
                String line = lines.next().strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!gogo.run(line)) {
                    return EXIT_COMMAND_FAILED;
                }
                if (container.framework().getState() != Bundle.ACTIVE) {
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
