package exchange.web.stream;

import exchange.api.engine.EngineResults;
import exchange.api.event.AssetChanged;
import exchange.api.event.DepthUpdated;
import exchange.api.event.OrderCancelled;
import exchange.api.event.TradeFeeCalculated;
import exchange.api.trade.KlineInterval;
import exchange.api.trade.MarketData;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.OrderView;
import exchange.web.binance.BinanceShapes;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The exchange's events in the shapes of Binance's WebSocket streams (field names of one letter,
 * decimals as strings), so that a Binance client library reads them unchanged.
 */
final class BinanceMessages {
    private static final JsonProvider JSON = JsonProvider.provider();

    private BinanceMessages() {
    }

    /** {@code depthUpdate}: U and u are the engine's command sequence, the same one REST depth's lastUpdateId reports. */
    static String depthUpdate(DepthUpdated d, long eventTime) {
        return JSON.createObjectBuilder().add("e", "depthUpdate").add("E", eventTime).add("s", d.symbol())
                .add("U", d.firstSequence()).add("u", d.lastSequence())
                .add("b", changed(d.bids())).add("a", changed(d.asks())).build().toString();
    }

    /** {@code <symbol>@depth<N>}: the top N levels as a snapshot. */
    static String partialDepth(OrderBookDepth.Depth d) {
        return JSON.createObjectBuilder().add("lastUpdateId", d.sequence())
                .add("bids", levels(d.bids())).add("asks", levels(d.asks())).build().toString();
    }

    static String bookTicker(OrderBookDepth.Depth top) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("u", top.sequence()).add("s", top.symbol());
        best(b, "b", "B", top.bids());
        best(b, "a", "A", top.asks());
        return b.build().toString();
    }

    static String trade(EngineResults.Traded f, long tradeTime, long eventTime) {
        return JSON.createObjectBuilder().add("e", "trade").add("E", eventTime).add("s", f.symbol()).add("t", f.tradeId())
                .add("p", plain(f.price())).add("q", plain(f.quantity())).add("T", tradeTime)
                .add("m", "SELL".equals(f.takerSide())).add("M", true).build().toString();
    }

    /** Each trade is its own aggregate, as REST aggTrades reports them. */
    static String aggTrade(EngineResults.Traded f, long tradeTime, long eventTime) {
        return JSON.createObjectBuilder().add("e", "aggTrade").add("E", eventTime).add("s", f.symbol()).add("a", f.tradeId())
                .add("p", plain(f.price())).add("q", plain(f.quantity())).add("f", f.tradeId()).add("l", f.tradeId())
                .add("T", tradeTime).add("m", "SELL".equals(f.takerSide())).add("M", true).build().toString();
    }

    static String ticker(MarketData.Ticker t, OrderBookDepth.Depth top, long eventTime) {
        BigDecimal volume = orZero(t.volume());
        JsonObjectBuilder b = JSON.createObjectBuilder().add("e", "24hrTicker").add("E", eventTime).add("s", t.symbol())
                .add("p", plain(t.priceChange())).add("P", plain(t.priceChangePercent()))
                .add("w", volume.signum() == 0 ? "0" : plain(orZero(t.quoteVolume()).divide(volume, 8, RoundingMode.HALF_EVEN)))
                .add("x", plain(t.openPrice())).add("c", plain(t.lastPrice())).add("Q", "0");
        best(b, "b", "B", top.bids());
        best(b, "a", "A", top.asks());
        return b.add("o", plain(t.openPrice())).add("h", plain(t.highPrice())).add("l", plain(t.lowPrice()))
                .add("v", plain(t.volume())).add("q", plain(t.quoteVolume()))
                .add("O", t.openTime() == null ? eventTime - 86_400_000L : t.openTime().toEpochMilli())
                .add("C", t.closeTime() == null ? eventTime : t.closeTime().toEpochMilli())
                .add("F", t.count() == 0 ? -1 : t.firstTradeId()).add("L", t.count() == 0 ? -1 : t.lastTradeId())
                .add("n", t.count()).build().toString();
    }

    static String miniTicker(MarketData.Ticker t, long eventTime) {
        return JSON.createObjectBuilder().add("e", "24hrMiniTicker").add("E", eventTime).add("s", t.symbol())
                .add("c", plain(t.lastPrice())).add("o", plain(t.openPrice())).add("h", plain(t.highPrice()))
                .add("l", plain(t.lowPrice())).add("v", plain(t.volume())).add("q", plain(t.quoteVolume()))
                .build().toString();
    }

    /** The current candle; {@code x} tells whether its period is over. */
    static String kline(String symbol, KlineInterval interval, MarketData.Candle c, long eventTime) {
        long close = c.openTime().plus(interval.length()).toEpochMilli() - 1;
        JsonObjectBuilder k = JSON.createObjectBuilder().add("t", c.openTime().toEpochMilli()).add("T", close)
                .add("s", symbol).add("i", interval.code()).add("f", -1).add("L", -1)
                .add("o", plain(c.open())).add("c", plain(c.close())).add("h", plain(c.high())).add("l", plain(c.low()))
                .add("v", plain(c.volume())).add("n", c.trades()).add("x", eventTime > close)
                .add("q", plain(c.quoteVolume())).add("V", "0").add("Q", "0").add("B", "0");
        return JSON.createObjectBuilder().add("e", "kline").add("E", eventTime).add("s", symbol).add("k", k)
                .build().toString();
    }

    /** The order as it was accepted (x=NEW). */
    static String accepted(OrderView o, long eventTime) {
        return report(o, eventTime, "NEW", "NEW", "NONE").add("l", "0").add("L", "0").add("n", "0")
                .addNull("N").add("t", -1).add("m", false).add("Y", "0").build().toString();
    }

    /** One fill of the order (x=TRADE), with its totals right after it. */
    static String traded(OrderView o, TradeFeeCalculated f, long eventTime) {
        return report(o, eventTime, "TRADE", f.orderStatus(), "NONE")
                .add("l", plain(f.quantity())).add("L", plain(f.price())).add("n", plain(f.fee())).add("N", f.asset())
                .add("t", f.tradeId()).add("m", f.maker())
                .add("z", plain(f.executedQuantity())).add("Z", plain(f.cumulativeQuoteQuantity()))
                .add("Y", plain(f.price().multiply(f.quantity()))).add("w", "PARTIALLY_FILLED".equals(f.orderStatus()))
                .build().toString();
    }

    /** The order left the book: x and X are CANCELED, EXPIRED or REJECTED. */
    static String ended(OrderView o, OrderCancelled c, long eventTime) {
        return report(o, eventTime, c.status(), c.status(), "REJECTED".equals(c.status()) ? c.reason() : "NONE")
                .add("l", "0").add("L", "0").add("n", "0").addNull("N").add("t", -1).add("m", false)
                .add("z", plain(c.executedQuantity())).add("w", false).add("Y", "0").build().toString();
    }

    /** The fields every execution report shares; later add()s of the same name replace these. */
    private static JsonObjectBuilder report(OrderView o, long eventTime, String execution, String status, String reason) {
        long created = o.createdAt().toEpochMilli();
        return JSON.createObjectBuilder().add("e", "executionReport").add("E", eventTime).add("s", o.symbol())
                .add("c", o.clientOrderId()).add("S", o.side()).add("o", o.type())
                .add("f", o.timeInForce() == null ? "GTC" : o.timeInForce())
                .add("q", plain(o.quantity())).add("p", plain(o.price())).add("P", "0").add("F", "0").add("g", -1)
                .add("C", "").add("x", execution).add("X", status).add("r", reason).add("i", o.orderId())
                .add("T", eventTime).add("I", 0).add("w", true).add("M", false).add("O", created)
                .add("z", plain(o.executedQuantity())).add("Z", plain(o.cumulativeQuoteQuantity()))
                .add("Q", plain(o.quoteQuantity())).add("W", created)
                .add("V", o.selfTradePrevention() == null ? "NONE" : o.selfTradePrevention());
    }

    /** Binance's account position: the changed asset's free and locked amounts after the change. */
    static String accountPosition(AssetChanged a, long eventTime) {
        return JSON.createObjectBuilder().add("e", "outboundAccountPosition").add("E", eventTime).add("u", eventTime)
                .add("B", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("a", a.asset())
                        .add("f", plain(a.available())).add("l", plain(a.frozen()))))
                .build().toString();
    }

    /** Money that came in or went out (not a freeze or a trade): Binance's balanceUpdate. */
    static String balanceUpdate(AssetChanged a, long eventTime) {
        return JSON.createObjectBuilder().add("e", "balanceUpdate").add("E", eventTime).add("a", a.asset())
                .add("d", plain(a.deltaAvailable())).add("T", eventTime).build().toString();
    }

    private static JsonArrayBuilder changed(List<DepthUpdated.Level> levels) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        levels.forEach(l -> a.add(JSON.createArrayBuilder().add(plain(l.price())).add(plain(l.quantity()))));
        return a;
    }

    private static JsonArrayBuilder levels(List<OrderBookDepth.Level> levels) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        levels.forEach(l -> a.add(JSON.createArrayBuilder().add(plain(l.price())).add(plain(l.quantity()))));
        return a;
    }

    private static void best(JsonObjectBuilder b, String price, String quantity, List<OrderBookDepth.Level> side) {
        b.add(price, side.isEmpty() ? "0" : plain(side.get(0).price()))
                .add(quantity, side.isEmpty() ? "0" : plain(side.get(0).quantity()));
    }

    private static String plain(BigDecimal v) {
        return BinanceShapes.plain(v);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
