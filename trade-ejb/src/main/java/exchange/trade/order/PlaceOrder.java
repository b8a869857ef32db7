package exchange.trade.order;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.OrderCreated;
import exchange.api.trade.OrderRequest;
import exchange.api.trade.OrderView;
import exchange.api.wallet.WalletFunds;
import exchange.trade.market.Symbol;
import exchange.trade.messaging.TradeEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Seed 3.3, one JTA transaction: check the filters and the KYC level's trading limits, freeze the funds in the wallet, insert the
 * order, and publish OrderCreated, the engine's place command, in the symbol's queue. Any
 * rejection rolls all of it back, so nothing stays frozen.
 */
@Stateless
public class PlaceOrder {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private WalletFunds funds;
    @EJB
    private TradeEventOutbox events;
    @EJB
    private MarketProtection protection;
    @EJB
    private TradingLimits limits;
    @EJB
    private exchange.api.finance.ExchangeMode mode;

    public OrderView place(OrderRequest request) {
        if (request.clientOrderId() != null) {
            Order earlier = em.createQuery("SELECT o FROM Order o WHERE o.userId = :u AND o.clientOrderId = :c", Order.class)
                    .setParameter("u", request.userId()).setParameter("c", request.clientOrderId())
                    .getResultStream().findFirst().orElse(null);
            if (earlier != null) {
                return earlier.view();
            }
        }
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
        ValidOrder valid = OrderFilters.check(symbol, request, quantity -> protection.priceFor(symbol, quantity));
        limits.admit(request.userId(), symbol, valid);
        String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : UUID.randomUUID().toString();
        Order order = new Order(request.userId(), clientOrderId, valid);
        em.persist(order);
        em.flush();
        funds.freeze(request.userId(), valid.frozenAsset(), valid.frozenAmount(), "ORDER_FREEZE", Long.toString(order.id()));
        events.publish(new OrderCreated(order.id(), request.userId(), valid.symbol(), valid.side(), valid.type(),
                valid.timeInForce(), valid.price(), valid.quantity(), valid.quoteQuantity(), valid.selfTradePrevention()));
        return order.view();
    }
}
