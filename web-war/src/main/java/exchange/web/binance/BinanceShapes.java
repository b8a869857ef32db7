package exchange.web.binance;

import exchange.api.trade.MarketData;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.OrderView;
import exchange.api.trade.SymbolView;
import exchange.api.trade.TradeView;
import exchange.api.wallet.AccountView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Our views in Binance's JSON shapes: its field names, decimals as strings, times in epoch milliseconds. */
public final class BinanceShapes {
    private static final List<String> ORDER_TYPES = List.of("LIMIT", "LIMIT_MAKER", "MARKET");
    private static final List<String> STP_MODES = List.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH");

    private BinanceShapes() {
    }

    static Map<String, Object> symbolInfo(SymbolView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", s.symbol());
        m.put("status", "TRADING".equals(s.status()) ? "TRADING" : "HALT");
        m.put("baseAsset", s.baseAsset());
        m.put("baseAssetPrecision", 8);
        m.put("quoteAsset", s.quoteAsset());
        m.put("quotePrecision", 8);
        m.put("quoteAssetPrecision", 8);
        m.put("orderTypes", ORDER_TYPES);
        m.put("icebergAllowed", false);
        m.put("ocoAllowed", false);
        m.put("quoteOrderQtyMarketAllowed", true);
        m.put("isSpotTradingAllowed", true);
        m.put("isMarginTradingAllowed", false);
        m.put("filters", List.of(
                Map.of("filterType", "PRICE_FILTER", "minPrice", plain(s.priceTick()), "maxPrice", "1000000000", "tickSize", plain(s.priceTick())),
                Map.of("filterType", "LOT_SIZE", "minQty", plain(s.quantityStep()), "maxQty", "1000000000", "stepSize", plain(s.quantityStep())),
                Map.of("filterType", "NOTIONAL", "minNotional", plain(s.minNotional()), "applyMinToMarket", true,
                        "maxNotional", "9000000000", "applyMaxToMarket", false, "avgPriceMins", 0)));
        m.put("permissions", List.of("SPOT"));
        m.put("defaultSelfTradePreventionMode", "EXPIRE_TAKER");
        m.put("allowedSelfTradePreventionModes", STP_MODES);
        return m;
    }

    static Map<String, Object> order(OrderView o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", o.symbol());
        m.put("orderId", o.orderId());
        m.put("orderListId", -1);
        m.put("clientOrderId", o.clientOrderId());
        m.put("price", plain(o.price()));
        m.put("origQty", plain(o.quantity()));
        m.put("executedQty", plain(o.executedQuantity()));
        m.put("cummulativeQuoteQty", plain(o.cumulativeQuoteQuantity()));
        m.put("status", o.status());
        m.put("timeInForce", o.timeInForce() == null ? "GTC" : o.timeInForce());
        m.put("type", o.type());
        m.put("side", o.side());
        m.put("stopPrice", "0");
        m.put("icebergQty", "0");
        m.put("time", o.createdAt().toEpochMilli());
        m.put("updateTime", o.updatedAt().toEpochMilli());
        m.put("isWorking", true);
        m.put("origQuoteOrderQty", plain(o.quoteQuantity()));
        m.put("selfTradePreventionMode", o.selfTradePrevention());
        return m;
    }

    static Map<String, Object> balance(AccountView a) {
        return Map.of("asset", a.asset(), "free", plain(a.available()), "locked", plain(a.frozen()));
    }

    static Map<String, Object> ticker(MarketData.Ticker t, OrderBookDepth.Depth top) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", t.symbol());
        m.put("priceChange", plain(t.priceChange()));
        m.put("priceChangePercent", plain(t.priceChangePercent()));
        BigDecimal volume = t.volume() == null ? BigDecimal.ZERO : t.volume();
        m.put("weightedAvgPrice", volume.signum() == 0 ? "0"
                : plain(t.quoteVolume().divide(volume, 8, java.math.RoundingMode.HALF_EVEN)));
        m.put("prevClosePrice", plain(t.openPrice()));
        m.put("lastPrice", plain(t.lastPrice()));
        m.put("lastQty", "0");
        m.putAll(bookTicker(top));
        m.put("symbol", t.symbol());
        m.put("openPrice", plain(t.openPrice()));
        m.put("highPrice", plain(t.highPrice()));
        m.put("lowPrice", plain(t.lowPrice()));
        m.put("volume", plain(t.volume()));
        m.put("quoteVolume", plain(t.quoteVolume()));
        m.put("openTime", t.openTime() == null ? 0 : t.openTime().toEpochMilli());
        m.put("closeTime", t.closeTime() == null ? System.currentTimeMillis() : t.closeTime().toEpochMilli());
        m.put("firstId", t.count() == 0 ? -1 : t.firstTradeId());
        m.put("lastId", t.count() == 0 ? -1 : t.lastTradeId());
        m.put("count", t.count());
        return m;
    }

    static Map<String, Object> bookTicker(OrderBookDepth.Depth top) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", top.symbol());
        m.put("bidPrice", top.bids().isEmpty() ? "0" : plain(top.bids().get(0).price()));
        m.put("bidQty", top.bids().isEmpty() ? "0" : plain(top.bids().get(0).quantity()));
        m.put("askPrice", top.asks().isEmpty() ? "0" : plain(top.asks().get(0).price()));
        m.put("askQty", top.asks().isEmpty() ? "0" : plain(top.asks().get(0).quantity()));
        return m;
    }

    static List<Object> kline(MarketData.Candle c) {
        return List.of(c.openTime().toEpochMilli(), plain(c.open()), plain(c.high()), plain(c.low()), plain(c.close()),
                plain(c.volume()), c.closeTime().toEpochMilli(), plain(c.quoteVolume()), c.trades(), "0", "0", "0");
    }

    static Map<String, Object> aggTrade(MarketData.PublicTrade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", t.id());
        m.put("p", plain(t.price()));
        m.put("q", plain(t.quantity()));
        m.put("f", t.id());
        m.put("l", t.id());
        m.put("T", t.time().toEpochMilli());
        m.put("m", t.buyerMaker());
        m.put("M", true);
        return m;
    }

    /** One fill of a FULL order response. */
    static Map<String, Object> fill(TradeView t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("price", plain(t.price()));
        m.put("qty", plain(t.quantity()));
        m.put("commission", plain(t.fee()));
        m.put("commissionAsset", t.feeAsset());
        m.put("tradeId", t.tradeId());
        return m;
    }

    static Map<String, Object> myTrade(TradeView t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", t.symbol());
        m.put("id", t.tradeId());
        m.put("orderId", t.orderId());
        m.put("orderListId", -1);
        m.put("price", plain(t.price()));
        m.put("qty", plain(t.quantity()));
        m.put("quoteQty", plain(t.quoteQuantity()));
        m.put("commission", plain(t.fee()));
        m.put("commissionAsset", t.feeAsset());
        m.put("time", t.time().toEpochMilli());
        m.put("isBuyer", "BUY".equals(t.side()));
        m.put("isMaker", t.maker());
        m.put("isBestMatch", true);
        return m;
    }

    public static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
