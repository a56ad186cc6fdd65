package io.happyos.registry.core.osgilog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class OsgiLoggerNamesTest {

    @Test
    void aLoggerThePluginNamedKeepsItsName() {
        assertThat(OsgiLoggerNames.slf4jName("com.acme.Plugin", "com.acme")).isEqualTo("com.acme.Plugin");
    }

    @Test
    void theLegacyLogServiceLogsUnderTheBundlesName() {
        assertThat(OsgiLoggerNames.slf4jName("LogService.com.acme", "com.acme")).isEqualTo("osgi.com.acme");
        assertThat(OsgiLoggerNames.slf4jName("LogService", "com.acme")).isEqualTo("osgi.com.acme");
        assertThat(OsgiLoggerNames.slf4jName(null, "com.acme")).isEqualTo("osgi.com.acme");
        assertThat(OsgiLoggerNames.slf4jName(" ", null)).isEqualTo("osgi.unknown");
    }

    @Test
    void theLogServicesEventEntriesGoUnderOsgiEvents() {
        assertThat(OsgiLoggerNames.slf4jName("Events.Bundle.com.acme", "com.acme"))
                .isEqualTo("osgi.events.bundle.com.acme");
        assertThat(OsgiLoggerNames.slf4jName("Events.Service.org.apache.felix.scr", "org.apache.felix.scr"))
                .isEqualTo("osgi.events.service.org.apache.felix.scr");
        assertThat(OsgiLoggerNames.slf4jName("Events.Framework", "org.apache.felix.framework"))
                .isEqualTo("osgi.events.framework");
    }

    @Test
    void osgiLevelsMapToSlf4jLevelsAuditAsInfo() {
        assertThat(LogEntryForwarder.level("ERROR")).isEqualTo(Level.ERROR);
        assertThat(LogEntryForwarder.level("WARN")).isEqualTo(Level.WARN);
        assertThat(LogEntryForwarder.level("INFO")).isEqualTo(Level.INFO);
        assertThat(LogEntryForwarder.level("DEBUG")).isEqualTo(Level.DEBUG);
        assertThat(LogEntryForwarder.level("TRACE")).isEqualTo(Level.TRACE);
        assertThat(LogEntryForwarder.level("AUDIT")).isEqualTo(Level.INFO);
    }
}
