package exchange.finance.audit;

import exchange.api.event.ConsumerGroups;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.Inbox;
import exchange.finance.messaging.FinanceProcessedEvent;
import exchange.finance.flow.RecordFundFlow;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Every event finance hears lands once in the audit log, and balance changes and fees in the fund flows. */
@Stateless
public class RecordAuditEntry {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;
    @EJB
    private RecordFundFlow flows;

    public void record(EventEnvelope event) {
        if (Inbox.firstDelivery(em, new FinanceProcessedEvent(ConsumerGroups.FINANCE, event))) {
            em.persist(AuditEntry.of(event));
            flows.record(event);
        }
    }
}
