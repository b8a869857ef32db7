package exchange.wallet.deposit;

import exchange.wallet.chain.ChainUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs each chain's deposit scanner on a fixed delay. A node that is down pauses its chain's
 * scanning (logged once when it goes and once when it comes back); nothing else waits for it.
 */
@Singleton
@Startup
@DependsOn("WalletSchema")
public class DepositScanners {
    private static final Logger LOG = Logger.getLogger(DepositScanners.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;
    @EJB
    private ScanEthereumDeposits ethereum;
    private ScheduledFuture<?> ethereumTask;
    private volatile boolean ethereumDown;
    private volatile long ethereumHeight = -1;

    @PostConstruct
    void start() {
        var config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("exchange.wallet.eth.scan", Boolean.class).orElse(true)) {
            LOG.info("Ethereum deposit scanning is off (exchange.wallet.eth.scan=false)");
            return;
        }
        long every = config.getOptionalValue("exchange.wallet.eth.scan-interval-ms", Long.class).orElse(1000L);
        ethereumTask = scheduler.scheduleWithFixedDelay(this::scanEthereum, every, every, TimeUnit.MILLISECONDS);
    }

    private void scanEthereum() {
        try {
            ethereumHeight = ethereum.scanOnce();
            if (ethereumDown) {
                ethereumDown = false;
                LOG.info("Ethereum node reachable again; deposit scanning resumed at height " + ethereumHeight);
            }
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ChainUnavailableException)) {
                cause = cause.getCause();
            }
            if (!ethereumDown) {
                ethereumDown = true;
                LOG.log(Level.WARNING, "Ethereum deposit scanning paused: " + cause.getMessage(),
                        cause instanceof ChainUnavailableException ? null : e);
            }
        }
    }

    /** The last block the Ethereum scanner processed, -1 before its first pass. */
    public long ethereumHeight() {
        return ethereumHeight;
    }

    public boolean ethereumDown() {
        return ethereumDown;
    }

    @PreDestroy
    void stop() {
        if (ethereumTask != null) {
            ethereumTask.cancel(false);
        }
    }
}
