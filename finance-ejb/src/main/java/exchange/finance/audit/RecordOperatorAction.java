package exchange.finance.audit;

import exchange.api.event.AuditLogged;
import exchange.api.finance.OperatorAudit;
import exchange.api.persistence.InstantConverter;
import exchange.finance.messaging.FinanceEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

@Stateless
public class RecordOperatorAction implements OperatorAudit {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;
    @EJB
    private FinanceEventOutbox events;

    @Override
    public void record(String operator, String action, String subject, String before, String after) {
        em.createNativeQuery("INSERT INTO exchange_finance.operator_actions (operator, action, subject, before_state, after_state, acted_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, operator).setParameter(2, action).setParameter(3, subject).setParameter(4, before)
                .setParameter(5, after).setParameter(6, Timestamp.from(Instant.now())).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        events.publish(new AuditLogged(id, operator, action, subject));
    }

    @Override
    public List<ActionView> actions(String operator, String subject, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, operator, action, subject, before_state, after_state, acted_at"
                        + " FROM exchange_finance.operator_actions WHERE (?1 IS NULL OR operator = ?1) AND (?2 IS NULL OR subject = ?2)"
                        + " ORDER BY id DESC")
                .setParameter(1, operator).setParameter(2, subject).setMaxResults(limit).getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new ActionView(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], InstantConverter.fromColumn(r[6]))).toList();
    }
}
