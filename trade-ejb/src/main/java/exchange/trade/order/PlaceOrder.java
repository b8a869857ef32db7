package exchange.trade.order;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.OrderRequest;
import exchange.api.trade.OrderView;
import exchange.trade.market.Symbol;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Seed 3.3: check the filters, then hand the order to the matching engine, which checks the KYC
 * level's trading limits, holds its funds, matches it and answers with its state after matching.
 * The order's row, its trades and its events (OrderCreated, fills, end) are written by the trade
 * projection of the engine's journal ({@code ProjectTrades}), not here: placing an order writes
 * nothing to the database.
 */
@Stateless
public class PlaceOrder {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private MarketProtection protection;
    @EJB
    private TradingLimits limits;
    @EJB
    private exchange.api.finance.ExchangeMode mode;
    @EJB
    private EngineGateway engine;
    @EJB
    private OrderRows rows;
    @Resource
    private SessionContext context;

    public OrderView place(OrderRequest request) {
        if (mode.readOnly()) {
            throw new BusinessException(ErrorCode.EXCHANGE_READ_ONLY);
        }
        Symbol symbol = request.symbol() == null ? null : em.find(Symbol.class, request.symbol());
        if (symbol == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL, "Unknown symbol " + request.symbol() + ".");
        }
        if (!symbol.trading()) {
            throw new BusinessException(ErrorCode.SYMBOL_HALTED);
        }
        // A MARKET buy by quantity is priced from the book here only to count it against the
        // trading limits; the engine prices (and holds funds for) it itself.
        ValidOrder valid = OrderFilters.check(symbol, request, quantity -> protection.priceFor(symbol, quantity));
        String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : UUID.randomUUID().toString();
        BigDecimal price = "MARKET".equals(valid.type()) ? null : valid.price();
        EngineGateway.OrderState state;
        try {
            state = engine.place(new EngineGateway.NewOrder(request.userId(), valid.symbol(), valid.side(), valid.type(),
                    valid.timeInForce(), valid.selfTradePrevention(), price, valid.quantity(), valid.quoteQuantity(),
                    clientOrderId));
        } catch (BusinessException e) {
            if (e.code() == ErrorCode.TRADING_LIMIT_EXCEEDED) {
                throw limits.explain(request.userId(), symbol, e);
            }
            throw e;
        }
        if (state.earlier()) {
            return earlier(request.userId(), clientOrderId, state);
        }
        Instant time = Instant.ofEpochMilli(state.time());
        if (price == null && "BUY".equals(valid.side()) && valid.quantity() != null && state.heldAmount() != null) {
            // A market buy by quantity shows the price its funds were held at (the book's plus the protection).
            price = state.heldAmount().divide(valid.quantity());
        }
        return new OrderView(state.orderId(), clientOrderId, valid.symbol(), valid.side(), valid.type(),
                valid.timeInForce(), price, valid.quantity(), valid.quoteQuantity(), orZero(state.executedQuantity()),
                orZero(state.cumulativeQuoteQuantity()), state.status(), valid.selfTradePrevention(), time, time);
    }

    /**
     * The clientOrderId named an order placed before (a retried request): nothing new was placed,
     * so the trading-limit usage counted for this request is rolled back, and the answer is the
     * first order as its row says once the projection has caught up with this user.
     */
    private OrderView earlier(long userId, String clientOrderId, EngineGateway.OrderState state) {
        context.setRollbackOnly();
        engine.awaitProjected(userId);
        return rows.byClientOrderId(userId, clientOrderId)
                .or(() -> rows.byId(userId, state.orderId()))
                .orElseThrow(() -> new BusinessException(ErrorCode.ENGINE_UNAVAILABLE,
                        "The order with this clientOrderId is not recorded yet; retry with the same clientOrderId."));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value != null ? value : BigDecimal.ZERO;
    }
}
