package io.happyos.samples.locator.internal;

import java.util.List;

/**
 * The instance {@code samples:locate} picked.
 *
 * @param node the node that runs it ({@value LocalLocator#LOCAL_NODE} without a cluster)
 * @param id its component id on that node
 * @param endpoints where it is served, {@code {host}} already replaced; empty when it declares none
 */
record Located(String node, String id, List<String> endpoints) {

    Located {
        endpoints = List.copyOf(endpoints);
    }

    /** @return {@code NODE ID ENDPOINT}: several endpoints comma-separated, {@code -} for none */
    String line() {
        return node + " " + id + " " + (endpoints.isEmpty() ? "-" : String.join(",", endpoints));
    }
}
