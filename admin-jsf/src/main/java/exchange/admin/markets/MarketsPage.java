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
    @EJB
    private exchange.api.trade.MarketData marketData;
    @Inject
    private ConsoleActions actions;
    private String watched;
    private final NewMarket draft = new NewMarket();
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

    /** A new market: the engine opens its book on its first command. */
    public void add() {
        actions.run("admin", "market.add", "market:" + draft.symbol, null, () -> administration.list(new exchange.api.trade.SymbolSpec(
                blank(draft.symbol), blank(draft.baseAsset), blank(draft.quoteAsset), draft.priceTick, draft.quantityStep,
                draft.minNotional, draft.makerFee, draft.takerFee)).status());
        symbols = null;
    }

    public void watch(SymbolView s) {
        watched = s.symbol();
    }

    public String getWatched() {
        return watched;
    }

    /** The watched market's top ten levels a side, as the engine published them last. */
    public OrderBookDepth.Depth getDepth() {
        return watched == null ? null : depth.depth(watched, 10);
    }

    public List<exchange.api.trade.MarketData.PublicTrade> getTrades() {
        return watched == null ? List.of() : marketData.recentTrades(watched, 20);
    }

    public NewMarket getDraft() {
        return draft;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The add form's fields. */
    public static class NewMarket implements Serializable {
        private String symbol;
        private String baseAsset;
        private String quoteAsset;
        private java.math.BigDecimal priceTick;
        private java.math.BigDecimal quantityStep;
        private java.math.BigDecimal minNotional;
        private java.math.BigDecimal makerFee = new java.math.BigDecimal("0.001");
        private java.math.BigDecimal takerFee = new java.math.BigDecimal("0.001");

        public String getSymbol() {
            return symbol;
        }

        public void setSymbol(String symbol) {
            this.symbol = symbol;
        }

        public String getBaseAsset() {
            return baseAsset;
        }

        public void setBaseAsset(String baseAsset) {
            this.baseAsset = baseAsset;
        }

        public String getQuoteAsset() {
            return quoteAsset;
        }

        public void setQuoteAsset(String quoteAsset) {
            this.quoteAsset = quoteAsset;
        }

        public java.math.BigDecimal getPriceTick() {
            return priceTick;
        }

        public void setPriceTick(java.math.BigDecimal priceTick) {
            this.priceTick = priceTick;
        }

        public java.math.BigDecimal getQuantityStep() {
            return quantityStep;
        }

        public void setQuantityStep(java.math.BigDecimal quantityStep) {
            this.quantityStep = quantityStep;
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
