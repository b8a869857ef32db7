package exchange.finance.audit;

import exchange.api.event.ConsumerGroups;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.Inbox;
import exchange.finance.messaging.FinanceProcessedEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Every event finance hears lands once in the audit log. */
@Stateless
public class RecordAuditEntry {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    public void record(EventEnvelope event) {
        if (Inbox.firstDelivery(em, new FinanceProcessedEvent(ConsumerGroups.FINANCE, event))) {
            em.persist(AuditEntry.of(event));
        }
    }
}
