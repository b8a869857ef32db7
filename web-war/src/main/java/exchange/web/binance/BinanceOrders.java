package exchange.web.binance;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.OrderRequest;
import exchange.api.trade.OrderService;
import exchange.api.trade.OrderView;
import exchange.web.metrics.OrderMetrics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A signed account's Binance order calls, for both faces that carry them: REST ({@code /api/v3/order},
 * {@code openOrders}) and the WebSocket API ({@code order.place}, {@code order.status},
 * {@code order.cancel}, {@code openOrders.status}). Same parameters, same answers, same errors.
 */
@ApplicationScoped
public class BinanceOrders {
    @jakarta.inject.Inject
    private OrderMetrics orderMetrics;
    @EJB
    private MarketDirectory markets;
    @EJB
    private OrderService orders;
    @EJB
    private exchange.api.engine.EngineGateway engine;

    /** Places an order; answers ACK, RESULT or FULL as {@code newOrderRespType} asks (FULL by default). */
    public Map<String, Object> place(long userId, BinanceParams p) {
        String type = p.required("type").toUpperCase(Locale.ROOT);
        // An unknown symbol is refused by placing itself (UNKNOWN_SYMBOL, Binance's -1121): no lookup first.
        OrderRequest request = new OrderRequest(userId, symbolParameter(p.required("symbol")),
                p.required("side").toUpperCase(Locale.ROOT), type, p.param("timeInForce"), p.decimal("price"),
                p.decimal("quantity"), p.decimal("quoteOrderQty"), p.param("newClientOrderId"),
                p.param("selfTradePreventionMode"));
        OrderView placed = orderMetrics.place(OrderMetrics.BINANCE, () -> orders.place(request));
        String respType = p.param("newOrderRespType");
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("symbol", placed.symbol());
        ack.put("orderId", placed.orderId());
        ack.put("orderListId", -1);
        ack.put("clientOrderId", placed.clientOrderId());
        ack.put("transactTime", placed.createdAt().toEpochMilli());
        if ("ACK".equalsIgnoreCase(respType)) {
            return ack;
        }
        // RESULT and FULL (Binance's default for LIMIT and MARKET): place answers after matching.
        Map<String, Object> result = BinanceShapes.order(placed);
        result.putAll(ack);
        if (!"RESULT".equalsIgnoreCase(respType)) {
            result.put("fills", orders.orderTrades(userId, placed.orderId()).stream().map(BinanceShapes::fill).toList());
        }
        return result;
    }

    public Map<String, Object> status(long userId, BinanceParams p) {
        return BinanceShapes.order(own(userId, p));
    }

    public Map<String, Object> cancel(long userId, BinanceParams p) {
        String id = p.param("orderId");
        if (id != null && id.matches("\\d{1,19}")) {
            // An open order is checked against the engine's copy: no wait for its row.
            exchange.api.engine.EngineGateway.OrderTerms open = engine.openOrder(userId, Long.parseLong(id));
            if (open != null) {
                if (!open.symbol().equals(requiredSymbol(p.required("symbol")))) {
                    throw new BusinessException(ErrorCode.NOT_FOUND, "Order does not exist.");
                }
                return BinanceShapes.order(orders.cancel(userId, Long.parseLong(id)));
            }
        }
        OrderView o = own(userId, p);
        return BinanceShapes.order(orders.cancel(userId, o.orderId()));
    }

    public List<Map<String, Object>> open(long userId, BinanceParams p) {
        String symbol = p.param("symbol");
        return orders.openOrders(userId, symbol == null ? null : requiredSymbol(symbol)).stream().map(BinanceShapes::order).toList();
    }

    public List<Map<String, Object>> cancelOpen(long userId, BinanceParams p) {
        String symbol = requiredSymbol(p.required("symbol"));
        return orders.openOrders(userId, symbol).stream()
                .map(o -> BinanceShapes.order(orders.cancel(userId, o.orderId()))).toList();
    }

    /** The caller's order named by orderId or origClientOrderId on the given symbol; -2013 otherwise. */
    private OrderView own(long userId, BinanceParams p) {
        String symbol = requiredSymbol(p.required("symbol"));
        String id = p.param("orderId");
        String clientId = p.param("origClientOrderId");
        OrderView o;
        if (id != null) {
            if (!id.matches("\\d{1,19}")) {
                throw new BusinessException(ErrorCode.NOT_FOUND, "Order does not exist.");
            }
            o = orders.order(userId, Long.parseLong(id)).orElse(null);
        } else if (clientId != null) {
            o = orders.openOrders(userId, symbol).stream().filter(v -> clientId.equals(v.clientOrderId())).findFirst().orElse(null);
        } else {
            throw new BinanceError(-1102, 400, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        if (o == null || !o.symbol().equals(symbol)) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "Order does not exist.");
        }
        return o;
    }

    public String requiredSymbol(String symbol) {
        String s = symbolParameter(symbol);
        if (!markets.listed(s)) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL, "Invalid symbol.");
        }
        return s;
    }

    /** The symbol as sent, trimmed and upper-cased; present, but not yet known to be listed. */
    private static String symbolParameter(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new BinanceError(-1102, 400, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        return symbol.trim().toUpperCase(Locale.ROOT);
    }
}
