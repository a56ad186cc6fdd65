package io.happyos.registry.core.diagnose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;

/**
 * Requirements and capabilities in words: the name a requirement asks for, the version range in
 * interval notation, and what a capability offers ("package com.acme.log 1.0.0").
 */
final class RequirementText {

    private static final String VERSION_ATTRIBUTE = "(?:version|bundle-version)";
    private static final Pattern NOT_AT_LEAST = Pattern.compile("\\(!\\(" + VERSION_ATTRIBUTE + ">=([^()]+)\\)\\)");
    private static final Pattern NOT_AT_MOST = Pattern.compile("\\(!\\(" + VERSION_ATTRIBUTE + "<=([^()]+)\\)\\)");
    private static final Pattern AT_LEAST = Pattern.compile("\\(" + VERSION_ATTRIBUTE + ">=([^()]+)\\)");
    private static final Pattern AT_MOST = Pattern.compile("\\(" + VERSION_ATTRIBUTE + "<=([^()]+)\\)");
    private static final Pattern EXACTLY = Pattern.compile("\\(" + VERSION_ATTRIBUTE + "=([^()*]+)\\)");

    private RequirementText() {}

    /**
     * The name a requirement asks for: the package, the bundle's symbolic name, or the value of
     * the attribute named like the namespace.
     *
     * @param requirement the requirement
     * @return the name, or {@code null} when its filter names none
     */
    static String name(Requirement requirement) {
        String filter = filter(requirement);
        if (filter == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\(" + Pattern.quote(nameAttribute(requirement.getNamespace())) + "=([^()*]+)\\)")
                .matcher(filter);
        return m.find() ? m.group(1).strip() : null;
    }

    /**
     * The version range a requirement's filter asks for, in interval notation.
     *
     * @param requirement the requirement
     * @return "[1.2.0,2.0.0)", "1.2.0 or later", "exactly 1.0.0", or "any version"
     */
    static String range(Requirement requirement) {
        String filter = filter(requirement);
        if (filter == null) {
            return "any version";
        }
        String floor = null;
        String ceiling = null;
        boolean floorOpen = false;
        boolean ceilingOpen = false;
        Matcher m = NOT_AT_LEAST.matcher(filter);
        if (m.find()) {
            ceiling = m.group(1).strip();
            ceilingOpen = true;
        }
        m = NOT_AT_MOST.matcher(filter);
        if (m.find()) {
            floor = m.group(1).strip();
            floorOpen = true;
        }
        String rest =
                NOT_AT_MOST.matcher(NOT_AT_LEAST.matcher(filter).replaceAll("")).replaceAll("");
        m = AT_LEAST.matcher(rest);
        if (floor == null && m.find()) {
            floor = m.group(1).strip();
        }
        m = AT_MOST.matcher(rest);
        if (ceiling == null && m.find()) {
            ceiling = m.group(1).strip();
        }
        m = EXACTLY.matcher(rest);
        if (floor == null && ceiling == null && m.find()) {
            return "exactly " + m.group(1).strip();
        }
        if (floor == null && ceiling == null) {
            return "any version";
        }
        if (ceiling == null) {
            return (floorOpen ? "above " : "") + floor + (floorOpen ? "" : " or later");
        }
        return (floorOpen ? "(" : "[") + (floor == null ? "0.0.0" : floor) + "," + ceiling + (ceilingOpen ? ")" : "]");
    }

    /**
     * What a requirement asks for, in words: "package com.acme.log in [1.2.0,2.0.0)".
     *
     * @param requirement the requirement
     * @return the words
     */
    static String describe(Requirement requirement) {
        String name = name(requirement);
        String what = kind(requirement.getNamespace());
        if (name == null) {
            String filter = filter(requirement);
            return what + (filter == null ? "" : " matching " + filter);
        }
        String range = range(requirement);
        return what + " " + name + ("any version".equals(range) ? "" : " in " + range);
    }

    /**
     * What a capability offers, in words: "package com.acme.log 1.0.0".
     *
     * @param capability the capability
     * @return the words
     */
    static String describe(Capability capability) {
        String namespace = capability.getNamespace();
        Object name = capability.getAttributes().get(nameAttribute(namespace));
        Object version = version(capability);
        return kind(namespace) + (name == null ? "" : " " + name) + (version == null ? "" : " " + version);
    }

    /**
     * The version a capability carries, if any.
     *
     * @param capability the capability
     * @return its version attribute, or {@code null}
     */
    static Object version(Capability capability) {
        Object version = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
        return version != null ? version : capability.getAttributes().get(Constants.BUNDLE_VERSION_ATTRIBUTE);
    }

    /**
     * The manifest header a requirement of this namespace comes from.
     *
     * @param namespace the namespace
     * @return "Import-Package", "Require-Bundle" or "Require-Capability"
     */
    static String header(String namespace) {
        return switch (namespace) {
            case PackageNamespace.PACKAGE_NAMESPACE -> Constants.IMPORT_PACKAGE;
            case BundleNamespace.BUNDLE_NAMESPACE -> Constants.REQUIRE_BUNDLE;
            default -> Constants.REQUIRE_CAPABILITY;
        };
    }

    static String filter(Requirement requirement) {
        return requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
    }

    private static String nameAttribute(String namespace) {
        return namespace;
    }

    private static String kind(String namespace) {
        return switch (namespace) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "package";
            case BundleNamespace.BUNDLE_NAMESPACE -> "bundle";
            case IdentityNamespace.IDENTITY_NAMESPACE -> "resource";
            case ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE -> "execution environment";
            default -> "capability " + namespace;
        };
    }
}
