package exchange.trade.market;

import exchange.api.trade.MarketDirectory;
import exchange.api.trade.SymbolView;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@Stateless
public class MarketDirectoryBean implements MarketDirectory {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;

    @Override
    public List<SymbolView> symbols() {
        return em.createQuery("SELECT s FROM Symbol s ORDER BY s.symbol", Symbol.class)
                .getResultStream().map(Symbol::view).toList();
    }

    @Override
    public boolean listed(String symbol) {
        return symbol != null && em.find(Symbol.class, symbol) != null;
    }

    @Override
    public List<TradingLimit> tradingLimits() {
        List<?> rows = em.createNativeQuery("SELECT kyc_level, quote_asset, order_max, daily_max FROM exchange_trade.trade_limits"
                + " ORDER BY kyc_level, quote_asset").getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new TradingLimit(((Number) r[0]).intValue(), (String) r[1],
                (java.math.BigDecimal) r[2], (java.math.BigDecimal) r[3])).toList();
    }
}
