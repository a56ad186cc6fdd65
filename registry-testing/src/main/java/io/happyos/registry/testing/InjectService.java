package io.happyos.registry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a service of the framework started by {@link EmbeddedFramework} into a field or a
 * parameter, by the field's or parameter's type, waiting for it (modelled on osgi-test's
 * annotation of the same name). The test fails when no such service comes in time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface InjectService {

    /** @return an LDAP filter the service's properties must match besides its type; default none */
    String filter() default "";

    /** @return how long to wait for the service, in milliseconds; default 30 s */
    long timeout() default 30_000;
}
