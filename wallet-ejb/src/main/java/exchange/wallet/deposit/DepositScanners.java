package exchange.wallet.deposit;

import exchange.api.wallet.ChainStatus;
import exchange.wallet.chain.BitcoinChain;
import exchange.wallet.chain.NodeTrouble;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the chains' deposit scanners in turn on a fixed delay ({@code exchange.wallet.<chain>.scan};
 * the shortest {@code .scan-interval-ms} of the enabled chains). A node that is down pauses its
 * chain's scanning, logged once when it goes and once when it comes back; the other chain goes on
 * after the failed call's timeout.
 */
@Singleton
@Startup
@DependsOn("WalletSchema")
public class DepositScanners implements ChainStatus {
    private static final Logger LOG = Logger.getLogger(DepositScanners.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;
    @EJB
    private ScanDeposits scan;
    @EJB
    private exchange.api.engine.ClusterDuty duty;
    @Inject
    private EthereumChain ethereum;
    @Inject
    private BitcoinChain bitcoin;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final Map<String, Long> heights = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> lastPass = new ConcurrentHashMap<>();
    private final java.util.Set<String> scanning = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        List<DepositChain> enabled = new ArrayList<>();
        long every = Long.MAX_VALUE;
        for (DepositChain chain : List.of(ethereum, bitcoin)) {
            String key = "exchange.wallet." + chain.chain().toLowerCase(Locale.ROOT);
            if (!config.getOptionalValue(key + ".scan", Boolean.class).orElse(true)) {
                LOG.info(chain.chain() + " deposit scanning is off (" + key + ".scan=false)");
                continue;
            }
            enabled.add(chain);
            scanning.add(chain.chain());
            every = Math.min(every, config.getOptionalValue(key + ".scan-interval-ms", Long.class).orElse(1000L));
        }
        if (!enabled.isEmpty()) {
            // One chain after the other, not side by side: two chains' passes running at once
            // locked each other's key ranges in chain_blocks (InnoDB gap locks at the boundary
            // between the chains' rows) until one hit the lock wait timeout.
            tasks.add(scheduler.scheduleWithFixedDelay(() -> enabled.forEach(this::scan), every, every, TimeUnit.MILLISECONDS));
        }
    }

    private void scan(DepositChain chain) {
        String name = chain.chain();
        try {
            if (!duty.ours()) {
                return; // another instance of the cluster scans (the one whose engine leads)
            }
            heights.put(name, scan.scanOnce(chain));
            lastPass.put(name, java.time.Instant.now());
            problems.remove(name);
            if (Boolean.TRUE.equals(down.put(name, false))) {
                LOG.info(name + " node reachable again; deposit scanning resumed at height " + heights.get(name));
            }
        } catch (RuntimeException e) {
            Optional<String> trouble = NodeTrouble.of(e);
            String problem = trouble.orElse(String.valueOf(e));
            problems.put(name, problem);
            if (!Boolean.TRUE.equals(down.put(name, true))) {
                LOG.log(Level.WARNING, name + " deposit scanning paused: " + problem, trouble.isPresent() ? null : e);
            }
        }
    }

    @Override
    public List<ChainView> chains() {
        return java.util.stream.Stream.of(ethereum.chain(), bitcoin.chain())
                .map(c -> new ChainView(c, scanning.contains(c), down.getOrDefault(c, false), heights.getOrDefault(c, -1L),
                        problems.get(c), lastPass.get(c)))
                .toList();
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }
}
