package exchange.match.engine;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.EngineStatus;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.SymbolView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import javax.sql.DataSource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The engine's home in the EAR (seed: "a @Singleton startup bean hosts matching"): starts one
 * matching thread that owns every symbol's book, and stops it with the application.
 */
@Singleton
@Startup
@DependsOn({"trade-ejb.jar#TradeSchema", "MatchSchema"})
@Lock(LockType.READ)
public class MatchingEngineHost implements EngineStatus, OrderBookDepth {
    private static final Logger LOG = Logger.getLogger(MatchingEngineHost.class.getName());

    @EJB
    private MarketDirectory markets;
    @Resource
    private ManagedThreadFactory threads;
    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;
    @Inject
    @ConfigProperty(name = "exchange.engine.snapshot-every-ms", defaultValue = "5000")
    private long snapshotEveryMillis;
    private CommandLoop loop;
    private Thread thread;

    @PostConstruct
    void start() {
        List<SymbolView> symbols = markets.symbols();
        loop = new CommandLoop(symbols, markets, new BookSnapshots(dataSource), snapshotEveryMillis);
        thread = threads.newThread(loop);
        thread.setName("matching-engine");
        thread.start();
        LOG.info("Matching engine started for " + symbols.stream().map(SymbolView::symbol).toList());
    }

    @PreDestroy
    void stop() {
        loop.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<Book> books() {
        return answer(loop.status());
    }

    @Override
    public Recovery recovery() {
        return answer(loop.recovery());
    }

    @Override
    public Depth depth(String symbol, int limit) {
        if (markets.symbols().stream().noneMatch(s -> s.symbol().equals(symbol))) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL);
        }
        Depth depth = loop.depth(symbol, Math.max(1, Math.min(limit, 1000)));
        return depth != null ? depth : new Depth(symbol, 0, List.of(), List.of());
    }

    private static <T> T answer(java.util.concurrent.Future<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("matching engine did not answer", e);
        }
    }
}
