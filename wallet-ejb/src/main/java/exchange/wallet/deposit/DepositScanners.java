package exchange.wallet.deposit;

import exchange.wallet.chain.BitcoinChain;
import exchange.wallet.chain.ChainUnavailableException;
import exchange.wallet.chain.DepositChain;
import exchange.wallet.chain.EthereumChain;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs each chain's deposit scanner on a fixed delay ({@code exchange.wallet.<chain>.scan} and
 * {@code .scan-interval-ms}). A node that is down pauses its chain's scanning, logged once when it
 * goes and once when it comes back; nothing else waits for it.
 */
@Singleton
@Startup
@DependsOn("WalletSchema")
public class DepositScanners {
    private static final Logger LOG = Logger.getLogger(DepositScanners.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;
    @EJB
    private ScanDeposits scan;
    @Inject
    private EthereumChain ethereum;
    @Inject
    private BitcoinChain bitcoin;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final Map<String, Long> heights = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        for (DepositChain chain : List.of(ethereum, bitcoin)) {
            String key = "exchange.wallet." + chain.chain().toLowerCase(Locale.ROOT);
            if (!config.getOptionalValue(key + ".scan", Boolean.class).orElse(true)) {
                LOG.info(chain.chain() + " deposit scanning is off (" + key + ".scan=false)");
                continue;
            }
            long every = config.getOptionalValue(key + ".scan-interval-ms", Long.class).orElse(1000L);
            tasks.add(scheduler.scheduleWithFixedDelay(() -> scan(chain), every, every, TimeUnit.MILLISECONDS));
        }
    }

    private void scan(DepositChain chain) {
        String name = chain.chain();
        try {
            heights.put(name, scan.scanOnce(chain));
            if (Boolean.TRUE.equals(down.put(name, false))) {
                LOG.info(name + " node reachable again; deposit scanning resumed at height " + heights.get(name));
            }
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ChainUnavailableException)) {
                cause = cause.getCause();
            }
            if (!Boolean.TRUE.equals(down.put(name, true))) {
                LOG.log(Level.WARNING, name + " deposit scanning paused: " + cause.getMessage(),
                        cause instanceof ChainUnavailableException ? null : e);
            }
        }
    }

    /** The last block a chain's scanner processed, -1 before its first pass. */
    public long height(String chain) {
        return heights.getOrDefault(chain, -1L);
    }

    public boolean isDown(String chain) {
        return down.getOrDefault(chain, false);
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }
}
