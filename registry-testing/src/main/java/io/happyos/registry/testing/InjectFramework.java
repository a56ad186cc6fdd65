package io.happyos.registry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the framework started by {@link EmbeddedFramework} into a field or a parameter: as the
 * harness ({@link EmbeddedFelix}, to install bundles, restart, ...) or as the OSGi
 * {@link org.osgi.framework.launch.Framework}, by the declared type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface InjectFramework {}
