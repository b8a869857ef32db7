package exchange.trade.order;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.OrderView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;

/**
 * A cancel is the engine's command: only the engine knows whether the order is still on the book.
 * It answers once the order left the book and its funds were released, with the order as the
 * engine held it (its terms and fills), so a cancel never waits for the projection; only when the
 * order traded between the engine's read and the cancel is the answer the order's row, once the
 * projection has applied it. Allowed on halted symbols.
 */
@Stateless
public class CancelOrder {
    @EJB
    private EngineGateway engine;
    @EJB
    private OrderRows rows;

    public OrderView cancel(long userId, long orderId) {
        EngineGateway.OrderState state;
        try {
            state = engine.cancel(userId, orderId);
        } catch (BusinessException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            // Not open in the engine: an order of this user that ended, or none. Wait for the
            // projection, so that an order placed (and ended) just now has its row.
            engine.awaitProjected(userId);
            OrderView order = rows.byId(userId, orderId)
                    .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such order."));
            if (!OrderRows.open(order)) {
                throw new BusinessException(ErrorCode.ORDER_NOT_OPEN);
            }
            throw new BusinessException(ErrorCode.NOT_FOUND, "The matching engine holds no such open order.");
        }
        EngineGateway.OrderTerms t = state.terms();
        if (t != null) {
            // Answered from the engine: the projection writes the row behind.
            Instant created = Instant.ofEpochMilli(t.createdAt());
            return new OrderView(orderId, t.clientOrderId(), t.symbol(), t.side(), t.type(), t.timeInForce(), t.price(),
                    t.quantity(), null, state.executedQuantity(), state.cumulativeQuoteQuantity(), state.status(),
                    t.selfTradePrevention(), created, Instant.ofEpochMilli(state.time()));
        }
        engine.awaitProjected(userId);
        return rows.byId(userId, orderId).orElseThrow(() -> new BusinessException(ErrorCode.ENGINE_UNAVAILABLE,
                "The order was canceled but its record is not updated yet."));
    }
}
