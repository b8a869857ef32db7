package exchange.web.binance;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.MarketData;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.OrderRequest;
import exchange.api.trade.OrderService;
import exchange.api.trade.OrderView;
import exchange.api.trade.SymbolView;
import exchange.api.user.ApiKeys;
import exchange.api.wallet.AccountView;
import exchange.api.wallet.WalletAccounts;
import exchange.web.limits.OrderRate;
import exchange.web.limits.Weight;
import exchange.web.security.Open;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Binance-compatible spot API ({@code /api/v3}) beside our own: the same services, balances and
 * engine behind a second face, answering in Binance's field names, string decimals and error codes.
 */
@Path("v3")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BinanceApi {

    @EJB
    private MarketDirectory markets;
    @EJB
    private OrderBookDepth depth;
    @EJB
    private MarketData marketData;
    @EJB
    private OrderService orders;
    @EJB
    private WalletAccounts accounts;
    @Inject
    private SignedCall call;
    @Inject
    private BinanceOrders calls;

    @GET
    @Path("ping")
    @Open
    public Map<String, Object> ping() {
        return Map.of();
    }

    @GET
    @Path("time")
    @Open
    public Map<String, Object> time() {
        return Map.of("serverTime", System.currentTimeMillis());
    }

    @GET
    @Path("exchangeInfo")
    @Weight(20)
    @Open
    public Map<String, Object> exchangeInfo(@QueryParam("symbol") String symbol) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("timezone", "UTC");
        info.put("serverTime", System.currentTimeMillis());
        info.put("rateLimits", List.of());
        info.put("exchangeFilters", List.of());
        info.put("symbols", markets.symbols().stream()
                .filter(s -> symbol == null || s.symbol().equals(symbol.toUpperCase(Locale.ROOT))).map(BinanceShapes::symbolInfo).toList());
        return info;
    }

    @GET
    @Path("depth")
    @Weight(5)
    @Open
    public Map<String, Object> depth(@QueryParam("symbol") String symbol, @QueryParam("limit") @DefaultValue("100") int limit) {
        OrderBookDepth.Depth d = depth.depth(requiredSymbol(symbol), Math.max(1, Math.min(limit, 1000)));
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("lastUpdateId", d.sequence());
        book.put("bids", d.bids().stream().map(l -> List.of(plain(l.price()), plain(l.quantity()))).toList());
        book.put("asks", d.asks().stream().map(l -> List.of(plain(l.price()), plain(l.quantity()))).toList());
        return book;
    }

    @GET
    @Path("trades")
    @Weight(10)
    @Open
    public List<Map<String, Object>> trades(@QueryParam("symbol") String symbol, @QueryParam("limit") @DefaultValue("500") int limit) {
        return marketData.recentTrades(requiredSymbol(symbol), Math.max(1, Math.min(limit, 1000))).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("price", plain(t.price()));
            m.put("qty", plain(t.quantity()));
            m.put("quoteQty", plain(t.quoteQuantity()));
            m.put("time", t.time().toEpochMilli());
            m.put("isBuyerMaker", t.buyerMaker());
            m.put("isBestMatch", true);
            return m;
        }).toList();
    }

    @GET
    @Path("ticker/price")
    @Open
    public Object tickerPrice(@QueryParam("symbol") String symbol) {
        if (symbol != null) {
            return price(requiredSymbol(symbol));
        }
        return markets.symbols().stream().map(s -> price(s.symbol())).toList();
    }

    @GET
    @Path("ticker/24hr")
    @Weight(40)
    @Open
    public Object ticker24h(@QueryParam("symbol") String symbol) {
        if (symbol != null) {
            return ticker(requiredSymbol(symbol));
        }
        return markets.symbols().stream().map(s -> ticker(s.symbol())).toList();
    }

    @GET
    @Path("ticker/bookTicker")
    @Open
    public Object bookTicker(@QueryParam("symbol") String symbol) {
        if (symbol != null) {
            return BinanceShapes.bookTicker(depth.depth(requiredSymbol(symbol), 1));
        }
        return markets.symbols().stream().map(s -> BinanceShapes.bookTicker(depth.depth(s.symbol(), 1))).toList();
    }

    /** The volume-weighted price of the last five minutes' trades, as Binance's avgPrice. */
    @GET
    @Path("avgPrice")
    @Open
    public Map<String, Object> avgPrice(@QueryParam("symbol") String symbol) {
        List<MarketData.Candle> last = marketData.klines(requiredSymbol(symbol), "1m", null, 5);
        BigDecimal volume = last.stream().map(MarketData.Candle::volume).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal quote = last.stream().map(MarketData.Candle::quoteVolume).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal price = volume.signum() == 0 ? BigDecimal.ZERO : quote.divide(volume, 8, java.math.RoundingMode.HALF_EVEN);
        return Map.of("mins", 5, "price", plain(price), "closeTime", System.currentTimeMillis());
    }

    @GET
    @Path("klines")
    @Weight(2)
    @Open
    public List<List<Object>> klines(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
                                     @QueryParam("endTime") Long endTime, @QueryParam("limit") @DefaultValue("500") int limit) {
        if (interval == null) {
            throw new BinanceError(-1102, 400, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
        }
        return marketData.klines(requiredSymbol(symbol), interval, endTime == null ? null : java.time.Instant.ofEpochMilli(endTime),
                Math.max(1, Math.min(limit, 1000))).stream().map(BinanceShapes::kline).toList();
    }

    /** Each trade is its own aggregate: the engine reports trades one by one. */
    @GET
    @Path("aggTrades")
    @Weight(2)
    @Open
    public List<Map<String, Object>> aggTrades(@QueryParam("symbol") String symbol, @QueryParam("limit") @DefaultValue("500") int limit) {
        return marketData.recentTrades(requiredSymbol(symbol), Math.max(1, Math.min(limit, 1000))).stream()
                .map(BinanceShapes::aggTrade).toList();
    }

    @GET
    @Path("account")
    @Weight(20)
    @Signed(ApiKeys.Permission.READ)
    public Map<String, Object> account() {
        ApiKeys.Verified key = call.key();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("canTrade", key.permissions().contains(ApiKeys.Permission.TRADE));
        a.put("canWithdraw", key.permissions().contains(ApiKeys.Permission.WITHDRAW));
        a.put("canDeposit", true);
        a.put("updateTime", System.currentTimeMillis());
        a.put("accountType", "SPOT");
        a.put("balances", accounts.accountsOf(key.userId()).stream().map(BinanceShapes::balance).toList());
        a.put("permissions", List.of("SPOT"));
        a.put("uid", key.userId());
        return a;
    }

    /** Parameters in the query string or the form body, as Binance takes them. */
    @POST
    @Path("order")
    @Signed(ApiKeys.Permission.TRADE)
    @OrderRate
    public Map<String, Object> newOrder() {
        return calls.place(call.userId(), call);
    }

    @GET
    @Path("order")
    @Signed(ApiKeys.Permission.READ)
    public Map<String, Object> queryOrder() {
        return calls.status(call.userId(), call);
    }

    @DELETE
    @Path("order")
    @Signed(ApiKeys.Permission.TRADE)
    public Map<String, Object> cancelOrder() {
        return calls.cancel(call.userId(), call);
    }

    @GET
    @Path("openOrders")
    @Signed(ApiKeys.Permission.READ)
    public List<Map<String, Object>> openOrders() {
        return calls.open(call.userId(), call);
    }

    @DELETE
    @Path("openOrders")
    @Signed(ApiKeys.Permission.TRADE)
    public List<Map<String, Object>> cancelOpenOrders() {
        return calls.cancelOpen(call.userId(), call);
    }

    /** Oldest first, as Binance lists them. */
    @GET
    @Path("allOrders")
    @Weight(20)
    @Signed(ApiKeys.Permission.READ)
    public List<Map<String, Object>> allOrders() {
        List<OrderView> list = new java.util.ArrayList<>(orders.history(call.userId(), requiredSymbol(call.required("symbol")), 0, limit()).items());
        java.util.Collections.reverse(list);
        return list.stream().map(BinanceShapes::order).toList();
    }

    @GET
    @Path("myTrades")
    @Weight(20)
    @Signed(ApiKeys.Permission.READ)
    public List<Map<String, Object>> myTrades() {
        List<exchange.api.trade.TradeView> list = new java.util.ArrayList<>(orders.trades(call.userId(), requiredSymbol(call.required("symbol")), 0, limit()).items());
        java.util.Collections.reverse(list);
        return list.stream().map(BinanceShapes::myTrade).toList();
    }

    private int limit() {
        String l = call.param("limit");
        return l == null || !l.matches("\\d{1,4}") ? 500 : Math.max(1, Math.min(Integer.parseInt(l), 1000));
    }

    private Map<String, Object> ticker(String symbol) {
        return BinanceShapes.ticker(marketData.ticker(symbol), depth.depth(symbol, 1));
    }

    private String requiredSymbol(String symbol) {
        return calls.requiredSymbol(symbol);
    }

    private Map<String, Object> price(String symbol) {
        BigDecimal last = marketData.ticker(symbol).lastPrice();
        return Map.of("symbol", symbol, "price", plain(last == null ? BigDecimal.ZERO : last));
    }

    private static String plain(BigDecimal v) {
        return BinanceShapes.plain(v);
    }
}
