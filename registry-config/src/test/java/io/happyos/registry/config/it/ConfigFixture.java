package io.happyos.registry.config.it;

import io.happyos.registry.testing.EmbeddedFelix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Felix with Configuration Admin, SCR, Gogo and the config bundle, watching an etc folder
 * (settle 50 ms, rescan 200 ms). The Configuration Admin API is shared with the test through the
 * system bundle, so the test uses the service as plugins do.
 */
final class ConfigFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    final Path etc;
    final EmbeddedFelix felix;
    private Object session;
    private Method execute;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ConfigFixture(Path etc, EmbeddedFelix felix) {
        this.etc = etc;
        this.felix = felix;
    }

    /**
     * Starts the framework; the etc folder may hold files already.
     *
     * @param etc the etc folder, or null for none
     * @param withRegistry whether the registry core is installed too (after the config bundle)
     * @param more more framework properties
     */
    static ConfigFixture start(Path etc, boolean withRegistry, Map<String, String> more) throws Exception {
        EmbeddedFelix felix = EmbeddedFelix.start(properties(etc, more));
        ConfigFixture fixture = new ConfigFixture(etc, felix);
        try {
            for (String jar : List.of("org.apache.felix.configadmin.jar", "org.apache.felix.gogo.runtime.jar")) {
                felix.installRuntime(EmbeddedFelix.itBundle(jar)).start();
            }
            felix.withScr();
            felix.installRuntime(EmbeddedFelix.itBundle("jackson-core.jar")).start();
            felix.installRuntime(Paths.get(System.getProperty("it.config.bundle")))
                    .start();
            if (withRegistry) {
                felix.installRuntime(EmbeddedFelix.itBundle("caffeine.jar")).start();
                felix.installRuntime(EmbeddedFelix.itBundle("sqlite-jdbc.jar")).start();
                felix.installRuntime(Paths.get(System.getProperty("it.core.bundle")))
                        .start();
            }
            fixture.openSession();
        } catch (Exception | AssertionError e) {
            felix.close();
            throw e;
        }
        return fixture;
    }

    /** The framework properties of a start (and of a restart: {@code EmbeddedFelix.restart} takes them again). */
    static Map<String, String> properties(Path etc, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(more);
        if (etc != null) {
            properties.put("happyos.etc.dir", etc.toString());
        }
        properties.put("happyos.config.settle", "50ms");
        properties.put("happyos.config.rescan", "200ms");
        properties.put(
                "org.osgi.framework.system.packages.extra",
                EmbeddedFelix.systemPackagesExtra() + ",org.osgi.service.cm;version=\"1.6.0\"");
        return properties;
    }

    ConfigurationAdmin admin() throws InterruptedException {
        return felix.service(ConfigurationAdmin.class, WAIT);
    }

    private void openSession() throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(
                felix.context(), FrameworkUtil.createFilter("(objectClass=" + PROCESSOR + ")"), null);
        tracker.open(true);
        Object processor = tracker.waitForService(WAIT.toMillis());
        if (processor == null) {
            throw new AssertionError("no Gogo CommandProcessor within " + WAIT);
        }
        ClassLoader gogo = processor.getClass().getClassLoader();
        InputStream in = new ByteArrayInputStream(new byte[0]);
        session = gogo.loadClass(PROCESSOR)
                .getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, in, out, out);
        execute = gogo.loadClass("org.apache.felix.service.command.CommandSession")
                .getMethod("execute", CharSequence.class);
    }

    /** Runs a command that must succeed; returns what it printed. */
    synchronized String ok(String command) throws Exception {
        out.reset();
        try {
            execute.invoke(session, command);
        } catch (InvocationTargetException e) {
            throw new AssertionError("'" + command + "' failed: " + e.getCause(), e.getCause());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs a command that must fail; returns its failure's message. */
    synchronized String fails(String command) throws Exception {
        out.reset();
        try {
            execute.invoke(session, command);
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause().getMessage());
        }
        throw new AssertionError(
                "'" + command + "' should have failed but printed: " + out.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        felix.close();
    }
}
