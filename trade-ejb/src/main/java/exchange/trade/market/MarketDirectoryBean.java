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
}
