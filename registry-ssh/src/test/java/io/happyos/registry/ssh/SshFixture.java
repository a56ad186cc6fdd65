package io.happyos.registry.ssh;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Felix with the registry, Gogo, the registry shell, Apache SSHD and this bundle, listening on
 * 127.0.0.1 and a free port, with one sample component ({@value #COMPONENT}) and an authorized_keys
 * file holding {@link #alice}'s key.
 */
final class SshFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String COMPONENT = "ssh-probe";

    final Path work;
    final Path authorizedKeys;
    final KeyPair alice;
    EmbeddedFelix felix;

    private SshFixture(Path work, Path authorizedKeys, KeyPair alice) {
        this.work = work;
        this.authorizedKeys = authorizedKeys;
        this.alice = alice;
    }

    /**
     * Starts everything and waits for the SSH marker service and the component.
     *
     * @param work a folder for the keys file and the test bundle
     * @return the running fixture
     */
    static SshFixture start(Path work) throws Exception {
        KeyPair alice = newKey();
        Path keys = work.resolve("authorized_keys");
        Files.writeString(keys, authorizedLine(alice, "alice@laptop"));
        SshFixture fixture = new SshFixture(work, keys, alice);
        fixture.felix = EmbeddedFelix.start(fixture.properties()).withRegistry();
        for (String jar : List.of("org.apache.felix.gogo.runtime.jar", "registry-shell.jar", "sshd-osgi.jar")) {
            fixture.felix.installRuntime(EmbeddedFelix.itBundle(jar)).start();
        }
        fixture.felix
                .installRuntime(Paths.get(System.getProperty("it.ssh.bundle")))
                .start();
        Path probe = TestBundle.builder(COMPONENT).writeTo(work.resolve(COMPONENT + ".jar"));
        Bundle bundle = fixture.felix.install(probe);
        bundle.start();
        fixture.port();
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> fixture.registry().findComponent(COMPONENT).isPresent());
        return fixture;
    }

    Map<String, String> properties() {
        return Map.of("happyos.ssh", "127.0.0.1:0", "happyos.ssh.authorized.keys", authorizedKeys.toString());
    }

    /** The port the SSH marker service says, waited for. */
    int port() throws Exception {
        ServiceTracker<Object, Object> tracker =
                new ServiceTracker<>(felix.context(), FrameworkUtil.createFilter("(happyos.ssh.port=*)"), null);
        tracker.open(true);
        try {
            if (tracker.waitForService(WAIT.toMillis()) == null) {
                throw new AssertionError("no SSH marker service within " + WAIT);
            }
            ServiceReference<Object> reference = tracker.getServiceReference();
            return (Integer) reference.getProperty("happyos.ssh.port");
        } finally {
            tracker.close();
        }
    }

    DynamicRegistry registry() throws InterruptedException {
        return felix.service(DynamicRegistry.class, WAIT);
    }

    /** The audit records of one actor, newest first. */
    List<AuditRecord> auditOf(String actor) throws InterruptedException {
        return registry().diagnostics().getAuditLog(new AuditQuery(null, null, actor, null, null, false, 100));
    }

    /** Every audit record, newest first. */
    List<AuditRecord> audit() throws InterruptedException {
        return registry().diagnostics().getAuditLog(AuditQuery.latest().limit(1000));
    }

    static KeyPair newKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static String authorizedLine(KeyPair key, String comment) {
        return PublicKeyEntry.toString(key.getPublic()) + " " + comment + "\n";
    }

    void authorize(KeyPair key, String comment) throws IOException {
        Files.writeString(authorizedKeys, authorizedLine(key, comment), java.nio.file.StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }
}
