package io.happyos.registry.ssh.internal;

import io.happyos.registry.DynamicRegistry;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.server.SshServer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the SSH shell when the framework property {@value SshSettings#SSH} asks for it, and does
 * nothing otherwise. Publishes the actor of its Gogo sessions ({@link SessionActors}) for the registry
 * shell, and a marker service whose properties {@value #PORT_PROPERTY} and {@value #HOST_PROPERTY}
 * say where it listens (the launcher prints them). Stopping the bundle stops the server and closes
 * every session.
 */
public final class SshActivator implements BundleActivator {

    /** The marker service's property: the port listened on. */
    static final String PORT_PROPERTY = "happyos.ssh.port";
    /** The marker service's property: the address listened on. */
    static final String HOST_PROPERTY = "happyos.ssh.host";

    private static final Logger LOG = LoggerFactory.getLogger(SshActivator.class);
    /** How long stopping waits for the logout records of the sessions it closes. */
    private static final long AUDIT_DRAIN_SECONDS = 5;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ServiceTracker<DynamicRegistry, DynamicRegistry> registry;
    private ServiceTracker<CommandProcessor, CommandProcessor> gogo;
    private ExecutorService threads;
    private ExecutorService auditThread;
    private SshShellServer server;

    @Override
    public void start(BundleContext context) throws StartupRefusedException {
        // SSHD looks some of its classes up through the context class loader first (its security
        // registrars, once for the JVM): an application class path holding another copy of SSHD
        // would give classes that are not the bundle's, so the lookups see the sshd-osgi bundle only.
        // The threads SSHD makes while it starts inherit this loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SshServer.class.getClassLoader());
        try {
            startWithSshdLoader(context);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void startWithSshdLoader(BundleContext context) throws StartupRefusedException {
        SshSettings settings;
        try {
            settings = SshSettings.read(context::getProperty);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusedException(e.getMessage(), e);
        }
        if (settings == null) {
            LOG.debug("SSH shell off: the framework property {} is not set (--ssh)", SshSettings.SSH);
            return;
        }
        AuthorizedKeys keys = AuthorizedKeys.open(settings.authorizedKeys());
        KeyPair hostKey = hostKey(settings);
        try {
            startServer(context, settings, keys, hostKey);
        } catch (StartupRefusedException | RuntimeException e) {
            stop(context);
            throw e;
        }
    }

    private void startServer(BundleContext context, SshSettings settings, AuthorizedKeys keys, KeyPair hostKey)
            throws StartupRefusedException {
        registry = new ServiceTracker<>(context, DynamicRegistry.class, null);
        registry.open();
        gogo = new ServiceTracker<>(context, CommandProcessor.class, null);
        gogo.open();
        threads = Executors.newCachedThreadPool(named("happyos-ssh-"));
        auditThread = Executors.newSingleThreadExecutor(named("happyos-ssh-audit-"));
        SessionActors actors = new SessionActors();
        SessionAudit audit = new SessionAudit(new AuditTrail(registry::getService, auditThread));
        server = SshShellServer.start(
                settings, hostKey, keys, audit, new ChannelCommands(gogo::getService, actors, threads));

        Dictionary<String, Object> actorProps = new Hashtable<>();
        actorProps.put(SessionActors.PROPERTY, Boolean.TRUE);
        registrations.add(context.registerService(Function.class, actors, actorProps));
        Dictionary<String, Object> marker = new Hashtable<>();
        marker.put(PORT_PROPERTY, server.port());
        marker.put(HOST_PROPERTY, server.host());
        registrations.add(context.registerService(Object.class, new Object(), marker));
        LOG.info(
                "SSH shell listening on {}:{}, keys from {}, host key {}",
                server.host(),
                server.port(),
                keys.file(),
                settings.hostKey());
    }

    @Override
    public void stop(BundleContext context) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.trace("service already unregistered", alreadyGone);
            }
        }
        registrations.clear();
        if (server != null) {
            server.close();
            server = null;
        }
        if (threads != null) {
            threads.shutdownNow();
            threads = null;
        }
        if (auditThread != null) {
            drain(auditThread);
            auditThread = null;
        }
        if (gogo != null) {
            gogo.close();
            gogo = null;
        }
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    private static KeyPair hostKey(SshSettings settings) throws StartupRefusedException {
        try {
            return HostKey.loadOrCreate(settings.hostKey());
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupRefusedException(
                    "Cannot read or create the SSH host key " + settings.hostKey() + ": " + e.getMessage()
                            + "; fix the file's permissions, or delete it to make a new key (clients then see a "
                            + "changed host key and must update their known_hosts)",
                    e);
        }
    }

    /** The logout records of the sessions just closed are written before the registry may go. */
    private static void drain(ExecutorService auditThread) {
        auditThread.shutdown();
        try {
            if (!auditThread.awaitTermination(AUDIT_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("SSH audit records still unwritten after {} s; dropped", AUDIT_DRAIN_SECONDS);
                auditThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            auditThread.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
