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
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BinanceApi {
    private static final List<String> ORDER_TYPES = List.of("LIMIT", "LIMIT_MAKER", "MARKET");
    private static final List<String> STP_MODES = List.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH");

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

    @GET
    @Path("ping")
    @PermitAll
    public Map<String, Object> ping() {
        return Map.of();
    }

    @GET
    @Path("time")
    @PermitAll
    public Map<String, Object> time() {
        return Map.of("serverTime", System.currentTimeMillis());
    }

    @GET
    @Path("exchangeInfo")
    @PermitAll
    public Map<String, Object> exchangeInfo(@QueryParam("symbol") String symbol) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("timezone", "UTC");
        info.put("serverTime", System.currentTimeMillis());
        info.put("rateLimits", List.of());
        info.put("exchangeFilters", List.of());
        info.put("symbols", markets.symbols().stream()
                .filter(s -> symbol == null || s.symbol().equals(symbol.toUpperCase(Locale.ROOT))).map(BinanceApi::symbolInfo).toList());
        return info;
    }

    @GET
    @Path("depth")
    @PermitAll
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
    @PermitAll
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
    @PermitAll
    public Object tickerPrice(@QueryParam("symbol") String symbol) {
        if (symbol != null) {
            return price(requiredSymbol(symbol));
        }
        return markets.symbols().stream().map(s -> price(s.symbol())).toList();
    }

    @GET
    @Path("account")
    @Signed(ApiKeys.Permission.READ)
    public Map<String, Object> account() {
        ApiKeys.Verified key = call.key();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("canTrade", key.permissions().contains(ApiKeys.Permission.TRADE));
        a.put("canWithdraw", key.permissions().contains(ApiKeys.Permission.WITHDRAW));
        a.put("canDeposit", true);
        a.put("updateTime", System.currentTimeMillis());
        a.put("accountType", "SPOT");
        a.put("balances", accounts.accountsOf(key.userId()).stream().map(BinanceApi::balance).toList());
        a.put("permissions", List.of("SPOT"));
        a.put("uid", key.userId());
        return a;
    }

    /** Parameters in the query string or the form body, as Binance takes them. */
    @POST
    @Path("order")
    @Signed(ApiKeys.Permission.TRADE)
    public Map<String, Object> newOrder() {
        String type = call.required("type").toUpperCase(Locale.ROOT);
        OrderView placed = orders.place(new OrderRequest(call.userId(), requiredSymbol(call.required("symbol")),
                call.required("side").toUpperCase(Locale.ROOT), type, call.param("timeInForce"), call.decimal("price"),
                call.decimal("quantity"), call.decimal("quoteOrderQty"), call.param("newClientOrderId"),
                call.param("selfTradePreventionMode")));
        String respType = call.param("newOrderRespType");
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("symbol", placed.symbol());
        ack.put("orderId", placed.orderId());
        ack.put("orderListId", -1);
        ack.put("clientOrderId", placed.clientOrderId());
        ack.put("transactTime", placed.createdAt().toEpochMilli());
        if ("ACK".equalsIgnoreCase(respType)) {
            return ack;
        }
        Map<String, Object> result = order(placed);
        result.putAll(ack);
        if (!"RESULT".equalsIgnoreCase(respType)) {
            // The engine answers asynchronously: fills are known later (GET order, myTrades, the user stream).
            result.put("fills", List.of());
        }
        return result;
    }

    @GET
    @Path("order")
    @Signed(ApiKeys.Permission.READ)
    public Map<String, Object> queryOrder() {
        return order(own());
    }

    @DELETE
    @Path("order")
    @Signed(ApiKeys.Permission.TRADE)
    public Map<String, Object> cancelOrder() {
        OrderView o = own();
        return order(orders.cancel(call.userId(), o.orderId()));
    }

    @GET
    @Path("openOrders")
    @Signed(ApiKeys.Permission.READ)
    public List<Map<String, Object>> openOrders() {
        String symbol = call.param("symbol");
        return orders.openOrders(call.userId(), symbol == null ? null : requiredSymbol(symbol)).stream().map(BinanceApi::order).toList();
    }

    /** The caller's order named by orderId or origClientOrderId on the given symbol; -2013 otherwise. */
    private OrderView own() {
        String symbol = requiredSymbol(call.required("symbol"));
        String id = call.param("orderId");
        String clientId = call.param("origClientOrderId");
        OrderView o;
        if (id != null) {
            if (!id.matches("\\d{1,19}")) {
                throw new BusinessException(ErrorCode.NOT_FOUND, "Order does not exist.");
            }
            o = orders.order(call.userId(), Long.parseLong(id)).orElse(null);
        } else if (clientId != null) {
            o = orders.openOrders(call.userId(), symbol).stream().filter(v -> clientId.equals(v.clientOrderId())).findFirst().orElse(null);
        } else {
            throw new BinanceError(-1102, 400, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        if (o == null || !o.symbol().equals(symbol)) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "Order does not exist.");
        }
        return o;
    }

    private String requiredSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new BinanceError(-1102, 400, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        String s = symbol.trim().toUpperCase(Locale.ROOT);
        if (markets.symbols().stream().noneMatch(v -> v.symbol().equals(s))) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL, "Invalid symbol.");
        }
        return s;
    }

    private Map<String, Object> price(String symbol) {
        BigDecimal last = marketData.ticker(symbol).lastPrice();
        return Map.of("symbol", symbol, "price", plain(last == null ? BigDecimal.ZERO : last));
    }

    private static Map<String, Object> symbolInfo(SymbolView s) {
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

    private static Map<String, Object> order(OrderView o) {
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

    private static Map<String, Object> balance(AccountView a) {
        return Map.of("asset", a.asset(), "free", plain(a.available()), "locked", plain(a.frozen()));
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
