package io.happyos.registry.launcher;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;

/**
 * The README's embedding example, as it is printed there (between the markers; {@link
 * ReadmeExampleTest} checks that the README has it word for word), run by {@link EmbeddingIT}.
 */
final class EmbeddingExample {

    private EmbeddingExample() {}

    /**
     * Starts a container on a plugin folder, lists its skills, runs them through skill-runner, and
     * stops it.
     *
     * @param plugins the bundles folder
     * @param storage the storage folder
     * @return what each skill said
     */
    static Map<?, ?> run(Path plugins, Path storage) throws StartupException {
        // README:begin
        try (RegistryContainer container = RegistryContainer.builder()
                .bundlesDir(plugins) // deployed before start() returns
                .storageDir(storage) // framework cache, registry.db, logs
                .frameworkProperty("happyos.activation.timeout", "10s")
                .start()) {
            DynamicRegistry registry = container.registry(); // typed: registry-api is on the class path
            for (RegistryEntry skill : registry.getComponentsByType("skill")) {
                System.out.println(skill.id() + " " + skill.status());
            }
            Supplier<?> runner = registry.getComponentInstance("skill-runner", Supplier.class);
            Map<?, ?> said = (Map<?, ?>) runner.get(); // calls every active skill now
            BundleContext context = container.bundleContext(); // the framework's own context
            System.out.println(context.getBundles().length + " bundles installed");
            return said;
        } // close() stops it, dependents first
        // README:end
    }
}
