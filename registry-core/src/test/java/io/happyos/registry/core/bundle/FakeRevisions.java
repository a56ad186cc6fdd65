package io.happyos.registry.core.bundle;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/** Capabilities, requirements and revisions outside a framework, matched with a real OSGi filter. */
final class FakeRevisions {

    private FakeRevisions() {}

    static BundleCapability capability(String namespace, Map<String, Object> attributes) {
        return (BundleCapability) Proxy.newProxyInstance(
                FakeRevisions.class.getClassLoader(),
                new Class<?>[] {BundleCapability.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getNamespace" -> namespace;
                    case "getAttributes" -> attributes;
                    case "getDirectives" -> Map.of();
                    case "toString" -> namespace + attributes;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static BundleRequirement requirement(String namespace, String filter) {
        Filter parsed;
        try {
            parsed = FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        return (BundleRequirement) Proxy.newProxyInstance(
                FakeRevisions.class.getClassLoader(),
                new Class<?>[] {BundleRequirement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getNamespace" -> namespace;
                    case "getDirectives" -> Map.of("filter", filter);
                    case "getAttributes" -> Map.of();
                    case "matches" -> {
                        BundleCapability capability = (BundleCapability) args[0];
                        yield capability.getNamespace().equals(namespace) && parsed.matches(capability.getAttributes());
                    }
                    case "toString" -> namespace + filter;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static BundleRevision revision(List<BundleCapability> capabilities, List<BundleRequirement> requirements) {
        return (BundleRevision) Proxy.newProxyInstance(
                FakeRevisions.class.getClassLoader(),
                new Class<?>[] {BundleRevision.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDeclaredCapabilities" ->
                        capabilities.stream()
                                .filter(c -> args[0] == null || c.getNamespace().equals(args[0]))
                                .toList();
                    case "getDeclaredRequirements" ->
                        requirements.stream()
                                .filter(r -> args[0] == null || r.getNamespace().equals(args[0]))
                                .toList();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "revision " + capabilities + " " + requirements;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
