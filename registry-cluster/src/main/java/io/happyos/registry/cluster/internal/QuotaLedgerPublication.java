package io.happyos.registry.cluster.internal;

import io.happyos.registry.spi.ClusterQuotaLedger;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link ClusterQuotaLedger} service while this node is a member with a session:
 * registered once connected (after the units of an earlier session were taken again), withdrawn
 * when the session is lost and when the member closes, so that the registry counts this node alone
 * meanwhile, as the SPI says. While the connection is only suspended the service stays, and its
 * calls fail saying so: the session, and this node's units with it, may still be alive.
 *
 * <p>Thread-safe: {@link #maintain} runs on the cluster's event thread, {@link #withdraw} on
 * Curator's connection thread or the closing one; neither waits for ZooKeeper under the lock.
 */
final class QuotaLedgerPublication {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaLedgerPublication.class);

    private final BundleContext context;
    private final ClusterConnection connection;
    private final QuotaLedger ledger;
    private ServiceRegistration<ClusterQuotaLedger> registration;
    /** The session whose units were last taken again. */
    private long session;

    QuotaLedgerPublication(BundleContext context, ClusterConnection connection) {
        this.context = context;
        this.connection = connection;
        this.ledger = new QuotaLedger(connection);
    }

    QuotaLedger ledger() {
        return ledger;
    }

    /**
     * When connected: deletes the units given back while ZooKeeper could not be reached, and
     * publishes the service when it is not yet published for this session, taking this node's units
     * again first.
     *
     * @throws Exception from ZooKeeper; the next call tries again
     */
    void maintain() throws Exception {
        if (!connection.isConnected()) {
            return;
        }
        ledger.deleteGivenBack();
        long now = connection.client().getZookeeperClient().getZooKeeper().getSessionId();
        synchronized (this) {
            if (registration != null && session == now) {
                return;
            }
        }
        ledger.retake();
        synchronized (this) {
            if (!connection.isConnected()) {
                return;
            }
            session = now;
            if (registration == null) {
                Dictionary<String, Object> props = new Hashtable<>();
                props.put("happyos.cluster.node", connection.settings().node());
                registration = context.registerService(ClusterQuotaLedger.class, ledger, props);
                LOG.info(
                        "cluster: quotas scoped cluster: count across the cluster from node {}",
                        connection.settings().node());
            }
        }
    }

    /** Withdraws the service, when published. */
    void withdraw() {
        ServiceRegistration<ClusterQuotaLedger> gone;
        synchronized (this) {
            gone = registration;
            registration = null;
        }
        if (gone != null) {
            try {
                gone.unregister();
                LOG.info("cluster: quotas scoped cluster: count on this node alone until it is back in the cluster");
            } catch (IllegalStateException alreadyGone) {
                LOG.trace("already unregistered", alreadyGone);
            }
        }
    }
}
