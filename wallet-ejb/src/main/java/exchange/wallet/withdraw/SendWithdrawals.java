package exchange.wallet.withdraw;

import exchange.api.wallet.HotWallets;
import exchange.wallet.chain.NodeTrouble;
import exchange.wallet.chain.EthereumChain;
import exchange.wallet.chain.HotKeys;
import exchange.wallet.deposit.ApplyDepositAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves approved withdrawals out, a chain at a time, every {@code exchange.wallet.withdraw.send-interval-ms}:
 * first what is signed but not yet with the node (in signing order, so Ethereum nonces arrive in
 * order), then each approved one is signed and sent. A chain whose node is down, or whose hot
 * wallet cannot pay, waits with its withdrawals approved and frozen; the other chain goes on.
 */
@Singleton
@Startup
@DependsOn("WalletSchema")
public class SendWithdrawals implements HotWallets {
    private static final Logger LOG = Logger.getLogger(SendWithdrawals.class.getName());
    private static final int PER_PASS = 20;
    private static final List<String> CHAINS = List.of("ETH", "BTC");

    @Resource
    private ManagedScheduledExecutorService scheduler;
    @EJB
    private SendWithdrawal send;
    @EJB
    private exchange.api.engine.ClusterDuty duty;
    @EJB
    private exchange.api.finance.ExchangeMode mode;
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @Inject
    private HotKeys keys;
    @Inject
    private EthereumChain ethereum;
    @Inject
    @ConfigProperty(name = "exchange.wallet.withdraw.send", defaultValue = "true")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "exchange.wallet.withdraw.send-interval-ms", defaultValue = "1000")
    long every;
    /**
     * How long a sent withdrawal may go without a confirmation check before it gets a new timer.
     * Longer than the stuck withdrawals' delay (30 s); a timer set again while the old one is only
     * late is harmless (each carries the check count, so the second finds it moved on). Delayed
     * messages can be lost where ordinary ones are not (a broker group's failover: the replica
     * learns the delivery offsets only every 10 s), and a check whose every retry failed ends in
     * the dead-letter queue: this is what finishes those.
     */
    @Inject
    @ConfigProperty(name = "exchange.wallet.withdraw.stale-check-ms", defaultValue = "60000")
    long staleCheckMs;
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (enabled) {
            task = scheduler.scheduleWithFixedDelay(() -> CHAINS.forEach(this::pass), every, every, TimeUnit.MILLISECONDS);
        } else {
            LOG.info("withdrawal sending is off (exchange.wallet.withdraw.send=false)");
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void pass(String chain) {
        try {
            if (!duty.ours()) {
                return; // another instance of the cluster sends (the one whose engine leads)
            }
            send.rearmStaleChecks(chain, java.time.Duration.ofMillis(staleCheckMs));
            if (mode.readOnly()) {
                return; // paused by operations: nothing new goes to the chain; sent ones are still followed
            }
            for (Long id : ids(chain, Withdrawal.SIGNED)) {
                send.broadcast(id);
            }
            for (Long id : ids(chain, Withdrawal.APPROVED)) {
                if (send.sign(id)) {
                    send.broadcast(id);
                }
            }
            if (problems.remove(chain) != null) {
                LOG.info(chain + " withdrawals are moving again");
            }
        } catch (SendWithdrawal.CannotSignYet e) {
            noteProblem(chain, e.getMessage(), null);
        } catch (RuntimeException e) {
            Optional<String> trouble = NodeTrouble.of(e);
            noteProblem(chain, trouble.orElse(String.valueOf(e)), trouble.isPresent() ? null : e);
        }
    }

    private void noteProblem(String chain, String problem, Throwable detail) {
        if (!problem.equals(problems.put(chain, problem))) {
            LOG.log(Level.WARNING, chain + " withdrawals wait: " + problem, detail);
        }
    }

    private List<Long> ids(String chain, String status) {
        return send.due(chain, status, PER_PASS);
    }

    @Override
    public List<HotWalletView> hotWallets() {
        return CHAINS.stream().map(this::view).toList();
    }

    private HotWalletView view(String chain) {
        String address = keys.address(chain, ApplyDepositAddress.bitcoinNetwork()).orElse(null);
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        if (address != null) {
            if ("BTC".equals(chain)) {
                Object sum = em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM exchange_wallet.hot_wallet_outputs"
                        + " WHERE chain = 'BTC' AND status = 'UNSPENT' AND block_height IS NOT NULL").getSingleResult();
                balances.put("BTC", ((BigDecimal) sum).stripTrailingZeros());
            } else {
                try {
                    balances.put("ETH", ethereum.etherBalance(address).stripTrailingZeros());
                    em.createQuery("SELECT n.asset FROM AssetNetwork n WHERE n.chain = 'ETH' AND n.asset <> 'ETH'", String.class)
                            .getResultList().forEach(asset -> ethereum.token(asset)
                                    .ifPresent(t -> balances.put(asset, ethereum.tokenBalance(t, address).stripTrailingZeros())));
                } catch (RuntimeException e) {
                    if (NodeTrouble.of(e).isEmpty()) {
                        throw e;
                    }
                    balances.clear();
                }
            }
        }
        String problem = address == null ? "no " + chain + " hot key configured" : problems.get(chain);
        return new HotWalletView(chain, address, balances, problem);
    }
}
