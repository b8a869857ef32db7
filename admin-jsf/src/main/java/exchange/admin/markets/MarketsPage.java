package exchange.admin.markets;

import exchange.admin.ConsoleActions;
import exchange.api.trade.MarketAdministration;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.SymbolView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Markets: their filters and state, halt and resume, and the best prices of the live book. */
@Named
@ViewScoped
public class MarketsPage implements Serializable {
    @EJB
    private MarketDirectory directory;
    @EJB
    private MarketAdministration administration;
    @EJB
    private OrderBookDepth depth;
    @Inject
    private ConsoleActions actions;
    private List<SymbolView> symbols;

    public List<SymbolView> getSymbols() {
        if (symbols == null) {
            symbols = directory.symbols();
        }
        return symbols;
    }

    public String top(String symbol) {
        OrderBookDepth.Depth d = depth.depth(symbol, 1);
        return (d.bids().isEmpty() ? "–" : d.bids().get(0).price().stripTrailingZeros().toPlainString()) + " / "
                + (d.asks().isEmpty() ? "–" : d.asks().get(0).price().stripTrailingZeros().toPlainString());
    }

    public void halt(SymbolView s) {
        actions.run("admin", "market.halt", "market:" + s.symbol(), s.status(), () -> administration.halt(s.symbol()).status());
        symbols = null;
    }

    public void resume(SymbolView s) {
        actions.run("admin", "market.resume", "market:" + s.symbol(), s.status(), () -> administration.resume(s.symbol()).status());
        symbols = null;
    }
}
