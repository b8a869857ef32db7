package exchange.finance.audit;

import exchange.api.Page;
import exchange.api.finance.AuditEntryView;
import exchange.api.finance.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

@Stateless
public class AuditTrailBean implements AuditTrail {
    private static final String FILTER = " WHERE (:type IS NULL OR e.eventType = :type)"
            + " AND (:subject IS NULL OR e.subject = :subject)";

    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    @Override
    public Page<AuditEntryView> entries(int page, int size, String eventType, String subject) {
        String type = blankToNull(eventType);
        String subj = blankToNull(subject);
        long total = bind(em.createQuery("SELECT COUNT(e) FROM AuditEntry e" + FILTER, Long.class), type, subj)
                .getSingleResult();
        var items = bind(em.createQuery("SELECT e FROM AuditEntry e" + FILTER + " ORDER BY e.id DESC",
                AuditEntry.class), type, subj)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(AuditEntry::view).toList();
        return new Page<>(items, page, size, total);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, String type, String subject) {
        return q.setParameter("type", type).setParameter("subject", subject);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
