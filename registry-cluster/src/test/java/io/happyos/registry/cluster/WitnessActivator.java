package io.happyos.registry.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The activator of the test singleton: an independent witness of where it runs. Each start and
 * stop appends one line {@code START|STOP NODE TOKEN} to the file named by the framework property
 * {@value #FILE}, with the fencing token the cluster gives this node's leadership. Appends are
 * atomic lines (O_APPEND), so the file is one order of events across all nodes.
 */
public final class WitnessActivator implements BundleActivator {

    /** The framework property naming the witness file. */
    public static final String FILE = "it.witness.file";

    private String token = "none";

    @Override
    public void start(BundleContext context) throws IOException {
        ServiceReference<ClusterRegistry> ref = context.getServiceReference(ClusterRegistry.class);
        if (ref != null) {
            ClusterRegistry cluster = context.getService(ref);
            if (cluster != null) {
                token = cluster.fencingToken(context.getBundle().getSymbolicName())
                        .map(String::valueOf)
                        .orElse("none");
                context.ungetService(ref);
            }
        }
        write(context, "START");
    }

    @Override
    public void stop(BundleContext context) throws IOException {
        write(context, "STOP");
    }

    private void write(BundleContext context, String what) throws IOException {
        String file = context.getProperty(FILE);
        if (file != null) {
            String line = what + " " + context.getProperty("happyos.cluster.node") + " " + token + "\n";
            Files.writeString(
                    Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
