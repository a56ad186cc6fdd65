package io.happyos.registry.core.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Attaches a fragment to its hosts. A fragment attaches only when its host resolves; a host that
 * is resolved already is refreshed so that it resolves again with the fragment (the framework
 * stops it and starts it again if it was active, with what is wired to it), as Karaf does for a
 * fragment it installs.
 */
final class FragmentAttachment {

    private FragmentAttachment() {}

    /**
     * Refreshes the resolved hosts of an unattached fragment, and waits for the framework to finish.
     *
     * @param context any bundle context
     * @param fragment the fragment, in state INSTALLED
     * @return the hosts refreshed
     */
    static List<Bundle> refreshHosts(BundleContext context, Bundle fragment) {
        List<Bundle> resolvedHosts = new ArrayList<>();
        for (Bundle host : hosts(context, fragment)) {
            if ((host.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0) {
                resolvedHosts.add(host);
            }
        }
        if (!resolvedHosts.isEmpty()) {
            List<Bundle> refresh = new ArrayList<>(resolvedHosts);
            refresh.add(fragment);
            Installation.refresh(context, refresh);
        }
        return resolvedHosts;
    }

    /** The installed bundles whose host capability the fragment's Fragment-Host matches. */
    static List<Bundle> hosts(BundleContext context, Bundle fragment) {
        BundleRevision revision = fragment.adapt(BundleRevision.class);
        List<Bundle> hosts = new ArrayList<>();
        if (revision == null) {
            return hosts;
        }
        List<BundleRequirement> wanted = revision.getDeclaredRequirements(HostNamespace.HOST_NAMESPACE);
        for (Bundle bundle : context.getBundles()) {
            BundleRevision candidate = bundle.adapt(BundleRevision.class);
            if (candidate == null || bundle.equals(fragment)) {
                continue;
            }
            for (BundleCapability capability : candidate.getDeclaredCapabilities(HostNamespace.HOST_NAMESPACE)) {
                if (wanted.stream().anyMatch(r -> r.matches(capability))) {
                    hosts.add(bundle);
                    break;
                }
            }
        }
        return hosts;
    }
}
