package exchange.match.engine;

import exchange.api.trade.MarketDirectory;
import exchange.api.trade.SymbolView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.logging.Logger;

/**
 * Starts with the application and learns which markets it hosts from the trade service. Books,
 * the command stream and snapshots arrive with the trading issue; until then it only reports the
 * markets it will match.
 */
@Singleton
@Startup
@DependsOn("trade-ejb.jar#TradeSchema")
@Lock(LockType.READ)
public class MatchingEngineHost {
    private static final Logger LOG = Logger.getLogger(MatchingEngineHost.class.getName());

    @EJB
    private MarketDirectory markets;
    private volatile List<String> hosted = List.of();

    @PostConstruct
    void start() {
        hosted = markets.symbols().stream().map(SymbolView::symbol).toList();
        LOG.info("Matching engine hosts " + hosted);
    }

    public List<String> hostedSymbols() {
        return hosted;
    }
}
