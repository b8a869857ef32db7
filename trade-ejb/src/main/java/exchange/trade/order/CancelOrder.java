package exchange.trade.order;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.OrderCancelRequested;
import exchange.api.trade.OrderView;
import exchange.trade.messaging.TradeEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A cancel is a command for the engine, not a status change here: only the engine knows whether
 * the order is still on the book. The order turns CANCELED, and its funds are released, when the
 * engine's answer is settled. Allowed on halted symbols.
 */
@Stateless
public class CancelOrder {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private TradeEventOutbox events;

    public OrderView cancel(long userId, long orderId) {
        Order order = em.find(Order.class, orderId);
        if (order == null || order.userId() != userId) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such order.");
        }
        if (!order.isOpen()) {
            throw new BusinessException(ErrorCode.ORDER_NOT_OPEN);
        }
        events.publish(new OrderCancelRequested(orderId, userId, order.symbol()));
        return order.view();
    }
}
