package io.happyos.registry;

/** Why one component depends on another. */
public enum DependencyOrigin {
    /** Derived from what a bundle declares: Import-Package, Require-Bundle or Require-Capability. */
    DECLARED,
    /** Added through {@link Dependencies#addDependency(String, String)}. */
    EXPLICIT
}
