package io.happyos.registry.launcher;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a bundle built by {@link RuntimeBundlesTest}: refuses to start the way
 * registry-core does when its database is unusable.
 */
public final class RefusingActivator implements BundleActivator {

    /** The reason it gives. */
    static final String REASON = "Cannot start: STORAGE/registry.db is not a usable registry database "
            + "(file is not a database); restore it from a backup, or start with --clean.";

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException(
                "registry start failed",
                new StartupRefusedException(REASON, new RuntimeException("[SQLITE_NOTADB] file is not a database")));
    }

    @Override
    public void stop(BundleContext context) {}

    /** Named as registry-core's, which the launcher recognises by name. */
    static final class StartupRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StartupRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
