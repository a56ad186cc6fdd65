package io.happyos.registry.launcher;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * An application embedding the container with logback on its class path and no logging
 * configuration of its own, run by {@link EmbeddedLoggingIT} in a JVM of its own. It prints what it
 * sees, one {@code key=value} per line.
 */
public final class EmbeddedLoggingProgram {

    private EmbeddedLoggingProgram() {}

    /**
     * Starts and stops a container.
     *
     * @param args the storage folder, the bundles folder
     */
    public static void main(String[] args) throws Exception {
        System.out.println("logback.xml=" + ClassLoader.getSystemResource("logback.xml"));
        try (RegistryContainer container = RegistryContainer.builder()
                .storageDir(Path.of(args[0]))
                .bundlesDir(Path.of(args[1]))
                .start()) {
            LoggerFactory.getLogger("embedding.app").warn("the application logs as it likes");
            List<String> appenders = new ArrayList<>();
            ((LoggerContext) LoggerFactory.getILoggerFactory())
                    .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .iteratorForAppenders()
                    .forEachRemaining(appender -> appenders.add(appender.getName()));
            System.out.println("appenders=" + appenders);
            System.out.println("control="
                    + (container
                                    .bundleContext()
                                    .getServiceReferences(
                                            Function.class.getName(), "(" + LogControl.PROPERTY + "=true)")
                            != null));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            boolean ok;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                    GogoCommands gogo = GogoCommands.open(container.bundleContext(), o, e)) {
                ok = gogo.run("log:tail");
            }
            System.out.println("log:tail ok=" + ok);
            System.out.println(
                    "log:tail err=" + err.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
