package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/** {@link LogSetup} on this JVM's logback; each test puts the test configuration back after it. */
class LogSetupTest {

    @TempDir
    Path work;

    private String logDirBefore;

    @BeforeEach
    void clearLogDir() {
        logDirBefore = System.clearProperty(LogSetup.LOG_DIR_PROPERTY);
    }

    @AfterEach
    void restoreTestLogging() throws Exception {
        LoggerContext context = context();
        context.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(LogSetupTest.class.getResource("/logback-test.xml"));
        if (logDirBefore == null) {
            System.clearProperty(LogSetup.LOG_DIR_PROPERTY);
        } else {
            System.setProperty(LogSetup.LOG_DIR_PROPERTY, logDirBefore);
        }
    }

    @Test
    void withoutAnEtcFolderTheDefaultWritesRegistryLogInTheLogFolder() throws Exception {
        Path logs = work.resolve("logs");

        Optional<LogControl> control = LogSetup.configure(null, logs);
        LoggerFactory.getLogger("io.happyos.test").info("to the default file");

        assertThat(control).isPresent();
        assertThat(logs.resolve("registry.log")).content().contains("INFO  ", "io.happyos.test - to the default file");
        assertThat(System.getProperty(LogSetup.LOG_DIR_PROPERTY)).isEqualTo(logs.toString());
        assertThat(root().getAppender(RecentLogEvents.NAME))
                .as("the ring of log:tail")
                .isNotNull();
    }

    @Test
    void theDefaultRollsOverBySizeAndDayWithABoundedHistory() throws Exception {
        LogSetup.configure(work.resolve("etc-without-logback"), work.resolve("logs"));

        assertThat(root().getAppender("FILE")).isInstanceOfSatisfying(RollingFileAppender.class, file -> {
            assertThat(file.getFile())
                    .isEqualTo(work.resolve("logs").resolve("registry.log").toString());
            assertThat(file.getRollingPolicy()).isInstanceOfSatisfying(SizeAndTimeBasedRollingPolicy.class, policy -> {
                assertThat(policy.getMaxHistory()).isEqualTo(14);
                assertThat(policy.getFileNamePattern()).endsWith("registry-%d{yyyy-MM-dd}.%i.log.gz");
            });
        });
        // the size bounds have no getters: read them where they are written
        Document xml;
        try (InputStream in = LogSetup.class.getResourceAsStream(LogSetup.DEFAULT_RESOURCE)) {
            xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertThat(xml.getElementsByTagName("maxFileSize").item(0).getTextContent())
                .isEqualTo("10MB");
        assertThat(xml.getElementsByTagName("totalSizeCap").item(0).getTextContent())
                .isEqualTo("200MB");
        assertThat(xml.getElementsByTagName("maxHistory").item(0).getTextContent())
                .isEqualTo("14");
    }

    @Test
    void theDefaultRollingActuallyRollsOverWhenTheFileIsFull() throws Exception {
        // the default as it is, with 1 KB files instead of 10 MB, given as the etc folder's file
        String text;
        try (InputStream in = LogSetup.class.getResourceAsStream(LogSetup.DEFAULT_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve("logback.xml"), text.replace("<maxFileSize>10MB", "<maxFileSize>1KB"));
        Path logs = work.resolve("logs");
        LogSetup.configure(etc, logs);

        org.slf4j.Logger log = LoggerFactory.getLogger("io.happyos.test.rolling");
        for (int i = 0; i < 200; i++) {
            log.info("line {} of a log that outgrows one kilobyte", i);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Stream<Path> files = Files.list(logs)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .contains("registry.log")
                        .anyMatch(name -> name.matches("registry-\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz"));
            }
        });
    }

    @Test
    void theEtcFoldersLogbackXmlIsUsedInsteadAndMayUseTheLogFolder() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve("logback.xml"), """
                <configuration>
                  <appender name="MINE" class="ch.qos.logback.core.FileAppender">
                    <file>${happyos.log.dir}/mine.log</file>
                    <encoder><pattern>MINE %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="MINE"/></root>
                </configuration>
                """);
        Path logs = work.resolve("logs");

        Optional<LogControl> control = LogSetup.configure(etc, logs);
        LoggerFactory.getLogger("io.happyos.test").warn("to my own file");
        LoggerFactory.getLogger("io.happyos.test").info("below my level");

        assertThat(control).isPresent();
        assertThat(logs.resolve("mine.log")).content().isEqualTo("MINE WARN to my own file\n");
        assertThat(logs.resolve("registry.log")).doesNotExist();
        assertThat(root().getAppender(RecentLogEvents.NAME)).isNotNull();
    }

    @Test
    void aBrokenEtcLogbackXmlFailsNamingTheFileAndTheFixWithTheDefaultInForce() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(
                etc.resolve("logback.xml"),
                "<configuration><appender name=\"X\" class=\"no.such.Appender\"/><root><appender-ref ref=\"X\"/>");
        Path logs = work.resolve("logs");

        assertThatThrownBy(() -> LogSetup.configure(etc, logs))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(etc.resolve("logback.xml").toString())
                .hasMessageContaining("move it away to use the default logging");
        LoggerFactory.getLogger("io.happyos.test").info("still logged");
        assertThat(logs.resolve("registry.log")).content().contains("still logged");
    }

    @Test
    void aFolderNamedLogbackXmlIsRefused() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.createDirectories(etc.resolve("logback.xml"));

        assertThatThrownBy(() -> LogSetup.configure(etc, work.resolve("logs")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("it is not a file");
    }

    @Test
    void theRingStaysAttachedWhenLogbackIsConfiguredAgain() throws Exception {
        LogSetup.configure(null, work.resolve("logs"));
        LoggerContext context = context();

        context.reset(); // what a scan="true" configuration does when its file changes
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(LogSetup.class.getResource(LogSetup.DEFAULT_RESOURCE));

        assertThat(root().getAppender(RecentLogEvents.NAME))
                .isNotNull()
                .satisfies(ring -> assertThat(ring.isStarted()).isTrue());
    }

    @Test
    void noLogbackXmlIsOnTheLaunchersClassPath() {
        // logback would load it by itself in every application embedding the launcher artifact
        assertThat(LogSetup.class.getResource("/logback.xml")).isNull();
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private static Logger root() {
        return context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
