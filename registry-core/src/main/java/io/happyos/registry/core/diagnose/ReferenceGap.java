package io.happyos.registry.core.diagnose;

import java.util.List;

/**
 * A Declarative Services reference that keeps a component from being satisfied.
 *
 * @param component the DS component's name
 * @param reference the reference's name
 * @param interfaceName the service interface it asks for
 * @param target its target filter, or {@code null}
 * @param cardinality its cardinality, for example {@code 1..1}
 * @param registered how many services of that interface are registered (none of which matches)
 * @param providers the names of DS components (of any bundle) that would provide the interface
 *     if they were active
 */
public record ReferenceGap(
        String component,
        String reference,
        String interfaceName,
        String target,
        String cardinality,
        int registered,
        List<String> providers) {

    /** Copies the list. */
    public ReferenceGap {
        providers = List.copyOf(providers);
    }
}
