/**
 * The cluster view of the HappyOS registry: the {@link io.happyos.registry.cluster.ClusterRegistry}
 * service, published by the registry-cluster bundle when the container joins a cluster
 * ({@code --cluster}), and the values it returns.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.happyos.registry.cluster;
