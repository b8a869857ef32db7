package exchange.trade.order;

import exchange.api.Page;
import exchange.api.engine.EngineGateway;
import exchange.api.trade.OrderRequest;
import exchange.api.trade.OrderService;
import exchange.api.trade.OrderView;
import exchange.api.trade.TradeView;
import exchange.trade.market.Symbol;
import exchange.trade.settlement.Trade;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The trade service's business interface: placing and cancelling, and the trader's own views.
 * Orders and trades are the projection of the matching engine's journal, so every read first
 * waits until the projection has applied the user's last command (read your writes). Reads run
 * without a transaction of their own: each statement then sees what was committed when it ran.
 */
@Stateless
public class OrderDesk implements OrderService {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private PlaceOrder placeOrder;
    @EJB
    private CancelOrder cancelOrder;
    @EJB
    private TradingLimits limits;
    @EJB
    private EngineGateway engine;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TradeLimit> limits(long userId) {
        return limits.of(userId);
    }

    @Override
    public OrderView place(OrderRequest request) {
        return placeOrder.place(request);
    }

    @Override
    public OrderView cancel(long userId, long orderId) {
        return cancelOrder.cancel(userId, orderId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OrderView> order(long userId, long orderId) {
        engine.awaitProjected(userId);
        return find(userId, orderId);
    }

    private Optional<OrderView> find(long userId, long orderId) {
        return Optional.ofNullable(em.find(Order.class, orderId)).filter(o -> o.userId() == userId).map(Order::view);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderView> openOrders(long userId, String symbol) {
        engine.awaitProjected(userId);
        return em.createQuery("SELECT o FROM Order o WHERE o.userId = :u AND o.status IN ('NEW', 'PARTIALLY_FILLED')"
                        + " AND (:s IS NULL OR o.symbol = :s) ORDER BY o.id", Order.class)
                .setParameter("u", userId).setParameter("s", symbol)
                .getResultList().stream().map(Order::view).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<OrderView> history(long userId, String symbol, int page, int size) {
        engine.awaitProjected(userId);
        String where = " WHERE o.userId = :u AND (:s IS NULL OR o.symbol = :s)";
        long total = em.createQuery("SELECT COUNT(o) FROM Order o" + where, Long.class)
                .setParameter("u", userId).setParameter("s", symbol).getSingleResult();
        List<OrderView> items = em.createQuery("SELECT o FROM Order o" + where + " ORDER BY o.id DESC", Order.class)
                .setParameter("u", userId).setParameter("s", symbol)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(Order::view).toList();
        return new Page<>(items, page, size, total);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<TradeView> trades(long userId, String symbol, int page, int size) {
        engine.awaitProjected(userId);
        String where = " WHERE (t.buyerId = :u OR t.sellerId = :u) AND (:s IS NULL OR t.symbol = :s)";
        long total = em.createQuery("SELECT COUNT(t) FROM Trade t" + where, Long.class)
                .setParameter("u", userId).setParameter("s", symbol).getSingleResult();
        List<TradeView> items = em.createQuery("SELECT t FROM Trade t" + where + " ORDER BY t.id DESC", Trade.class)
                .setParameter("u", userId).setParameter("s", symbol)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .flatMap(t -> t.viewsFor(userId, em.find(Symbol.class, t.symbol())).stream()).toList();
        return new Page<>(items, page, size, total);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TradeView> orderTrades(long userId, long orderId) {
        engine.awaitProjected(userId);
        if (find(userId, orderId).isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT t FROM Trade t WHERE t.buyOrderId = :o OR t.sellOrderId = :o ORDER BY t.id", Trade.class)
                .setParameter("o", orderId).getResultList().stream()
                .flatMap(t -> t.viewsFor(userId, em.find(Symbol.class, t.symbol())).stream()).filter(v -> v.orderId() == orderId).toList();
    }
}
