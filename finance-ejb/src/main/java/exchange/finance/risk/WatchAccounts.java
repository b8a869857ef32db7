package exchange.finance.risk;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.DepositConfirmed;
import exchange.api.event.OrderActivity;
import exchange.api.event.OrderCreated;
import java.util.ArrayList;
import java.util.List;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.SymbolView;
import java.math.BigDecimal;
import exchange.api.event.SecurityUpdated;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.Inbox;
import exchange.finance.messaging.FinanceProcessedEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Each deposit, batch of accepted orders (OrderActivity) and lock-out checked once against the rules, its findings in the same transaction. */
@Stateless
public class WatchAccounts {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;
    @EJB
    private RiskRules rules;
    @EJB
    private MarketDirectory markets;

    public void observe(EventEnvelope event) {
        if (!Inbox.firstDelivery(em, new FinanceProcessedEvent(ConsumerGroups.RISK, event))) {
            return;
        }
        switch (event.type()) {
            case "DepositConfirmed" -> {
                DepositConfirmed d = event.payloadAs(DepositConfirmed.class);
                rules.depositCredited(d.userId(), d.asset(), d.amount(), Long.toString(d.depositId()));
            }
            case "OrderActivity" -> {
                List<RiskRules.PlacedOrder> placed = new ArrayList<>();
                for (OrderCreated o : event.payloadAs(OrderActivity.class).created()) {
                    BigDecimal notional = o.quoteQuantity() != null ? o.quoteQuantity()
                            : o.price() != null && o.quantity() != null ? o.price().multiply(o.quantity()) : null;
                    if (notional != null) {
                        placed.add(new RiskRules.PlacedOrder(o.userId(), o.orderId(), notional, o.symbol()));
                    }
                }
                rules.ordersPlaced(placed, symbol -> markets.symbols().stream()
                        .filter(s -> s.symbol().equals(symbol)).map(SymbolView::quoteAsset).findFirst().orElse(null));
            }
            case "SecurityUpdated" -> {
                SecurityUpdated s = event.payloadAs(SecurityUpdated.class);
                if ("LOGIN_LOCKED".equals(s.change())) {
                    rules.lockedOut(s.userId(), event.eventId());
                }
            }
            default -> {
            }
        }
    }
}
