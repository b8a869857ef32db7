package exchange.finance.risk;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.DepositConfirmed;
import exchange.api.event.SecurityUpdated;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.Inbox;
import exchange.finance.messaging.FinanceProcessedEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Each deposit and lock-out checked once against the rules, its findings in the same transaction. */
@Stateless
public class WatchAccounts {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;
    @EJB
    private RiskRules rules;

    public void observe(EventEnvelope event) {
        if (!Inbox.firstDelivery(em, new FinanceProcessedEvent(ConsumerGroups.RISK, event))) {
            return;
        }
        switch (event.type()) {
            case "DepositConfirmed" -> {
                DepositConfirmed d = event.payloadAs(DepositConfirmed.class);
                rules.depositCredited(d.userId(), d.asset(), d.amount(), Long.toString(d.depositId()));
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
