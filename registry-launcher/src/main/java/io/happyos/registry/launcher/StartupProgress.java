package io.happyos.registry.launcher;

import io.happyos.registry.text.ProgressBar;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * The progress line shown on a terminal while the container deploys its bundles folder at
 * start-up: {@code Installing bundles [###....] 120/500}, then {@code Starting bundles [...]}.
 * Counts the folder's JARs, and the bundles installed from the folder and started, from the
 * framework's bundle events (the launcher never loads registry classes, pitfall 2), synchronously,
 * so the counts are exact once the registry is ready; the listener only counts, and the line is
 * drawn by the thread that calls {@link #redraw()}.
 */
final class StartupProgress implements SynchronousBundleListener {

    private final String folderPrefix;
    private final int total;
    private final PrintStream out;
    private final IntSupplier width;
    private final ProgressBar bar = ProgressBar.ascii();
    private final Set<String> installed = ConcurrentHashMap.newKeySet();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private BundleContext context;
    private boolean drawn;

    StartupProgress(Path folder, int total, PrintStream out, IntSupplier width) {
        this.folderPrefix = folder.toAbsolutePath().normalize().toUri().toString();
        this.total = total;
        this.out = out;
        this.width = width;
    }

    /**
     * Progress over a bundles folder: its total is the number of JARs it holds now, counted as the
     * registry does (names ending in {@code .jar}, not starting with {@code .}).
     *
     * @param folder the bundles folder
     * @param out the terminal
     * @param width the terminal's width, asked at each redraw
     * @return the progress
     */
    static StartupProgress forFolder(Path folder, PrintStream out, IntSupplier width) {
        int jars = 0;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                jars = (int) files.filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString().toLowerCase(Locale.ROOT))
                        .filter(name -> name.endsWith(".jar") && !name.startsWith("."))
                        .count();
            } catch (IOException e) {
                jars = 0; // no progress line then; the registry reports the folder's problem
            }
        }
        return new StartupProgress(folder, jars, out, width);
    }

    /**
     * Starts counting: the folder's bundles already installed (from an earlier run), then every event.
     * Call it before the framework starts.
     *
     * @param systemContext the system bundle's context
     */
    void attach(BundleContext systemContext) {
        this.context = systemContext;
        systemContext.addBundleListener(this);
        for (Bundle bundle : systemContext.getBundles()) {
            if (fromFolder(bundle)) {
                installed.add(bundle.getLocation());
            }
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (!fromFolder(bundle)) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> installed.add(bundle.getLocation());
            case BundleEvent.STARTED -> started.add(bundle.getLocation());
            default -> {
                // stops, updates and the like do not move the line
            }
        }
    }

    private boolean fromFolder(Bundle bundle) {
        String location = bundle.getLocation();
        return location.startsWith(folderPrefix) && location.indexOf('/', folderPrefix.length()) < 0;
    }

    /** Draws the line as it is now; nothing for an empty folder. */
    void redraw() {
        if (total == 0) {
            return;
        }
        boolean starting = !started.isEmpty() || installed.size() >= total;
        String label = starting ? "Starting bundles" : "Installing bundles";
        int done = starting ? started.size() : installed.size();
        int columns = width.getAsInt();
        out.print(bar.redraw(label, done, total, null, columns > 0 ? columns : 80));
        out.flush();
        drawn = true;
    }

    /** Draws the line a last time, ends it, and stops counting. */
    void finish() {
        redraw();
        if (drawn) {
            out.println();
            out.flush();
        }
        if (context != null) {
            try {
                context.removeBundleListener(this);
            } catch (IllegalStateException stopped) {
                // the framework stopped meanwhile: nothing to remove from
            }
        }
    }
}
