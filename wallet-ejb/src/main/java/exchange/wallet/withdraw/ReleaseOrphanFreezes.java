package exchange.wallet.withdraw;

import exchange.api.engine.ClusterDuty;
import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The engine freezes a withdrawal's funds as the last step of applying for it, outside the
 * application's transaction; should that transaction roll back, {@link ReleaseOnRollback} gives
 * them back. An instance killed between the two runs no compensation: the funds stay frozen for
 * a withdrawal that does not exist. This pass finds such freezes in the ledger (a freeze posted a
 * while ago, no withdrawal row, no release) and has the engine release them, which it does once.
 */
@Singleton
public class ReleaseOrphanFreezes {
    private static final Logger LOG = Logger.getLogger(ReleaseOrphanFreezes.class.getName());
    /** Far longer than an application's transaction lasts after its freeze: by then it committed or is gone. */
    private static final Duration SETTLED = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private EngineGateway gateway;
    @EJB
    private ClusterDuty duty;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pass() {
        if (!duty.ours()) {
            return;
        }
        for (Object id : orphans()) {
            long withdrawalId = Long.parseLong(String.valueOf(id));
            try {
                gateway.releaseWithdrawal(withdrawalId);
                LOG.warning("withdrawal " + withdrawalId + " was frozen by the engine but never recorded (its application"
                        + " died before it committed): its funds are released");
            } catch (BusinessException e) {
                LOG.warning("orphan freeze of withdrawal " + withdrawalId + " not released yet: " + e.code());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> orphans() {
        return em.createNativeQuery("SELECT DISTINCT j.biz_id FROM exchange_wallet.balance_journal j"
                        + " WHERE j.biz_type = 'WITHDRAW' AND j.created_at < ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM exchange_wallet.withdrawals w WHERE CAST(w.id AS CHAR) = j.biz_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM exchange_wallet.balance_journal r WHERE r.biz_id = j.biz_id"
                        + " AND r.biz_type IN ('WITHDRAW_RELEASED', 'WITHDRAW_CANCELED', 'WITHDRAW_REJECTED', 'WITHDRAW_COMPLETED'))")
                .setParameter(1, Timestamp.from(Instant.now().minus(SETTLED))).setMaxResults(100).getResultList();
    }
}
