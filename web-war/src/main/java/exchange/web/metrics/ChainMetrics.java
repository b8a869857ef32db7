package exchange.web.metrics;

import exchange.api.engine.ClusterDuty;
import exchange.api.wallet.ChainStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Each chain's deposit scanning as Prometheus gauges (issue #17), read from the scanners' own state
 * at every scrape: whether this instance scans the chain (in a cluster, only the leading one
 * does), whether its last pass reached the node, and the last block it processed. The
 * {@code ChainNodeDown} alert reads the first two.
 */
@ApplicationScoped
public class ChainMetrics {
    private static final Logger LOG = Logger.getLogger(ChainMetrics.class.getName());
    static final String[] CHAINS = {"ETH", "BTC"};

    @Inject
    MetricRegistry registry;
    @EJB
    ChainStatus chains;
    @EJB
    ClusterDuty duty;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String chain : CHAINS) {
            // Configured on and this instance's duty (in a cluster, the leader's): a former leader keeps
            // its last pass's nodeDown, which must not page once another instance scans.
            gauge("exchange_chain_scanning", "1 where this instance runs the chain's deposit scanner, else 0", chain,
                    v -> v.scanning() && duty.ours() ? 1 : 0);
            gauge("exchange_chain_node_up", "1 when the scanner's last pass reached and used the chain node, else 0", chain,
                    v -> v.nodeDown() ? 0 : 1);
            gauge("exchange_chain_scanned_height", "the last block the deposit scanner processed (-1 before its first pass)", chain,
                    ChainStatus.ChainView::height);
        }
    }

    private void gauge(String name, String help, String chain, ToLongFunction<ChainStatus.ChainView> value) {
        try {
            registry.gauge(Metadata.builder().withName(name).withDescription(help).build(),
                    () -> {
                        try {
                            return view(chain).map(v -> (double) value.applyAsLong(v)).orElse(0.0);
                        } catch (RuntimeException e) {
                            return Double.NaN; // unreadable this scrape; the other metrics still answer
                        }
                    }, new Tag("chain", chain));
        } catch (RuntimeException e) {
            // A metric that cannot register must not stop the exchange from starting: it is missing, and logged.
            LOG.log(Level.WARNING, "metric " + name + " not registered", e);
        }
    }

    private Optional<ChainStatus.ChainView> view(String chain) {
        return chains.chains().stream().filter(c -> c.chain().equals(chain)).findFirst();
    }
}
