package exchange.trade.order;

import exchange.api.trade.OrderView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Reads of order rows outside the caller's transaction. Placing and cancelling read the row the
 * engine's projection wrote after {@code EngineGateway.awaitProjected}; inside their own
 * transaction, which has read the database before (REPEATABLE READ keeps the snapshot of its
 * first read), a row committed since would not be seen.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderRows {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;

    public Optional<OrderView> byId(long userId, long orderId) {
        return Optional.ofNullable(em.find(Order.class, orderId)).filter(o -> o.userId() == userId).map(Order::view);
    }

    public Optional<OrderView> byClientOrderId(long userId, String clientOrderId) {
        return em.createQuery("SELECT o FROM Order o WHERE o.userId = :u AND o.clientOrderId = :c", Order.class)
                .setParameter("u", userId).setParameter("c", clientOrderId)
                .getResultList().stream().findFirst().map(Order::view);
    }

    /** NEW or PARTIALLY_FILLED. */
    public static boolean open(OrderView order) {
        return Order.NEW.equals(order.status()) || Order.PARTIALLY_FILLED.equals(order.status());
    }
}
