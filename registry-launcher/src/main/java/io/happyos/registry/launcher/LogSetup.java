package io.happyos.registry.launcher;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The logging of {@code java -jar happyos-registry.jar}, set up explicitly by {@link Main} before
 * the first log line: {@code ETC/logback.xml} when the etc folder has one, else the launcher's
 * default ({@value #DEFAULT_RESOURCE}: {@code registry.log} in the log folder, rolled over by size
 * and by day with a bounded history, and warnings on standard error). Either way an in-memory ring
 * of the last {@value RecentLogEvents#DEFAULT_CAPACITY} events is attached to the root logger for
 * {@code log:tail}.
 *
 * <p>The default is deliberately not a resource named {@code logback.xml}: logback loads that name
 * by itself from the class path, which would force the launcher's configuration on every
 * application embedding the launcher artifact. Such an application configures its logging as it
 * likes, and nothing here runs.
 *
 * <p>The system property {@value #LOG_DIR_PROPERTY} (the log folder; set from the storage folder
 * unless given with {@code -D}) may be used in {@code etc/logback.xml}.
 */
final class LogSetup {

    /** The property naming the log folder, which the configurations refer to. */
    static final String LOG_DIR_PROPERTY = "happyos.log.dir";
    /** The name of the etc folder's own configuration. */
    static final String ETC_FILE = "logback.xml";
    /** The default configuration, beside this class. */
    static final String DEFAULT_RESOURCE = "default-logback.xml";

    private LogSetup() {}

    /**
     * Configures logback.
     *
     * @param etcDir the etc folder, or {@code null} when there is none
     * @param logDir the log folder, used unless {@value #LOG_DIR_PROPERTY} is set already
     * @return the control over it for the {@code log:*} commands, or empty when SLF4J's provider is
     *     not logback (nothing is configured then)
     * @throws StartupException when {@code etc/logback.xml} is there but unusable; the default
     *     configuration is in force then, so that the failure is logged
     */
    static Optional<LogControl> configure(Path etcDir, Path logDir) throws StartupException {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return Optional.empty();
        }
        // configured again (tests do): the previous ring must not come back at the next reset
        context.getCopyOfListenerList().stream()
                .filter(Reattach.class::isInstance)
                .forEach(context::removeListener);
        RecentLogEvents recent = new RecentLogEvents(RecentLogEvents.DEFAULT_CAPACITY);
        LogControl control = new LogControl(context, recent);
        Path custom = etcDir == null ? null : etcDir.resolve(ETC_FILE);
        String problem = null;
        if (custom != null && Files.exists(custom)) {
            problem = Files.isRegularFile(custom) ? apply(context, url(custom)) : "it is not a file";
        }
        if (custom == null || !Files.exists(custom) || problem != null) {
            String defaultProblem = apply(context, LogSetup.class.getResource(DEFAULT_RESOURCE));
            if (defaultProblem != null) {
                throw new IllegalStateException("The launcher's " + DEFAULT_RESOURCE + " is broken: " + defaultProblem);
            }
        }
        attach(context, recent);
        context.addListener(new Reattach(context, recent, control));
        if (problem != null) {
            throw new StartupException("Cannot use the logging configuration " + custom + ": " + problem
                    + "; correct it, or move it away to use the default logging (see docs/logging.md)");
        }
        return Optional.of(control);
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable path: " + file, e);
        }
    }

    /** Applies a configuration to a freshly reset context; returns its first error, or {@code null}. */
    private static String apply(LoggerContext context, URL configuration) {
        context.reset();
        // only this configuration's errors count: one applied just before (a broken etc/logback.xml)
        // left its own, which a timestamp cannot tell apart within the same millisecond
        context.getStatusManager().clear();
        context.putProperty(LOG_DIR_PROPERTY, System.getProperty(LOG_DIR_PROPERTY));
        long since = Long.MIN_VALUE;
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        try {
            joran.doConfigure(configuration);
        } catch (JoranException e) {
            String first = firstError(context, since);
            return first != null ? first : e.getMessage();
        }
        return firstError(context, since);
    }

    private static String firstError(LoggerContext context, long since) {
        List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
        for (Status status : statuses) {
            if (status.getLevel() == Status.ERROR && status.getTimestamp() >= since) {
                Throwable cause = status.getThrowable();
                return status.getMessage() + (cause == null ? "" : " (" + cause.getMessage() + ")");
            }
        }
        return null;
    }

    private static void attach(LoggerContext context, RecentLogEvents recent) {
        recent.setContext(context);
        recent.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(RecentLogEvents.NAME) == null) {
            root.addAppender(recent);
        }
    }

    /**
     * Puts the ring back when logback is configured again (a {@code scan="true"} configuration that
     * changed): a reset detaches and stops every appender.
     */
    private record Reattach(LoggerContext context, RecentLogEvents recent, LogControl control)
            implements LoggerContextListener {

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext loggerContext) {}

        @Override
        public void onReset(LoggerContext loggerContext) {
            attach(context, recent);
            control.configurationReloaded();
        }

        @Override
        public void onStop(LoggerContext loggerContext) {}

        @Override
        public void onLevelChange(Logger logger, ch.qos.logback.classic.Level level) {}
    }
}
