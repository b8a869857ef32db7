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
    private String editing;
    private java.math.BigDecimal minNotional;
    private java.math.BigDecimal makerFee;
    private java.math.BigDecimal takerFee;

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

    public void edit(SymbolView s) {
        editing = s.symbol();
        minNotional = s.minNotional();
        makerFee = s.makerFee();
        takerFee = s.takerFee();
    }

    public void save() {
        SymbolView before = getSymbols().stream().filter(s -> s.symbol().equals(editing)).findFirst().orElse(null);
        actions.run("admin", "market.adjust", "market:" + editing, before,
                () -> administration.adjust(editing, minNotional, makerFee, takerFee));
        symbols = null;
    }

    public String getEditing() {
        return editing;
    }

    public java.math.BigDecimal getMinNotional() {
        return minNotional;
    }

    public void setMinNotional(java.math.BigDecimal minNotional) {
        this.minNotional = minNotional;
    }

    public java.math.BigDecimal getMakerFee() {
        return makerFee;
    }

    public void setMakerFee(java.math.BigDecimal makerFee) {
        this.makerFee = makerFee;
    }

    public java.math.BigDecimal getTakerFee() {
        return takerFee;
    }

    public void setTakerFee(java.math.BigDecimal takerFee) {
        this.takerFee = takerFee;
    }

    public void resume(SymbolView s) {
        actions.run("admin", "market.resume", "market:" + s.symbol(), s.status(), () -> administration.resume(s.symbol()).status());
        symbols = null;
    }
}
