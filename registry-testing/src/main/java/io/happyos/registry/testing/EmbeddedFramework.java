package io.happyos.registry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of a class in a fresh embedded Felix ({@link EmbeddedFelix}), by default with the
 * registry started in it, and injects into fields and parameters what the test asks for with
 * {@link InjectService}, {@link InjectBundleContext} and {@link InjectFramework}. The framework is
 * stopped and its storage deleted after each test.
 *
 * <pre>{@code
 * @EmbeddedFramework(properties = "happyos.persistence=false")
 * class CycleIT {
 *     @InjectService
 *     DynamicRegistry registry;          // waits up to 30 s for the service
 *     @InjectFramework
 *     EmbeddedFelix felix;
 *
 *     @Test
 *     void aCycleIsReported(@TempDir Path dir) throws Exception {
 *         felix.install(TestBundle.builder("ring-a").provideCapability(...).writeToFolder(dir));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Where bundles come from is configuration (system properties set by the module's failsafe
 * configuration, see {@link EmbeddedFelix}), so this module does not depend on registry-core.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(EmbeddedFrameworkExtension.class)
public @interface EmbeddedFramework {

    /**
     * @return whether to install and start the registry core and the bundles it needs
     *     ({@link EmbeddedFelix#withRegistry()}); default true
     */
    boolean registry() default true;

    /** @return whether to start Felix SCR before the registry ({@link EmbeddedFelix#withScr()}); default false */
    boolean scr() default false;

    /** @return more framework properties, each {@code key=value}; default none */
    String[] properties() default {};

    /**
     * More bundles to install and start as runtime bundles, after the registry: each a file name in
     * the folder {@code it.bundles} ({@code org.apache.felix.gogo.runtime.jar}), or
     * {@code ${name}} for a path held by the system property {@code name} ({@code ${it.shell.bundle}}).
     *
     * @return the bundles, in start order; default none
     */
    String[] bundles() default {};
}
