package exchange.wallet.adjustment;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.wallet.AdjustmentView;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * An adjustment's row is committed before the engine hears of it, each step in a transaction of
 * its own. The engine takes each adjustment id once, and once its command is journaled no rollback
 * of ours can take it back: had the row been written in the same transaction as the engine call,
 * an instance dying between the two left a credit in the ledger without its audit row, and the
 * operator's retry (a new row, a new id) would have credited the user twice. Found by
 * {@code ./exchange chaos}: 262 USDT credited, no adjustment recorded.
 */
@Stateless
public class AdjustmentRecords {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private EngineGateway gateway;
    @Resource
    private SessionContext context;

    /** Records a new adjustment (posting, or waiting for its approval); its id is then the engine's key. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long open(Adjustment adjustment) {
        em.persist(adjustment);
        em.flush();
        return adjustment.id();
    }

    /**
     * The second operator's approval, under the row's lock (two approvals at once post it once):
     * from here the adjustment is posting. Refusals as {@link exchange.api.wallet.BalanceAdjustments#approve}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Adjustment approve(long adjustmentId, String operator, Instant operatorSince) {
        Adjustment a = em.find(Adjustment.class, adjustmentId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No adjustment " + adjustmentId + ".");
        }
        if (!a.pending()) {
            throw new BusinessException(ErrorCode.ADJUSTMENT_NOT_PENDING);
        }
        if (a.operator().equalsIgnoreCase(operator)) {
            throw new BusinessException(ErrorCode.FOUR_EYES_REQUIRED, "Adjustment " + adjustmentId
                    + " was asked for by " + operator + ": a second operator approves it.");
        }
        if (!operatorSince.isBefore(a.createdAt())) {
            throw new BusinessException(ErrorCode.FOUR_EYES_REQUIRED, "Operator " + operator
                    + " was made after adjustment " + adjustmentId + " was asked for: an earlier operator approves it.");
        }
        a.approved(operator);
        return a;
    }

    /**
     * Hands a recorded adjustment to the engine and marks it posted. A refusal (a debit beyond the
     * balance, say) removes the row: nothing changed. No answer from the engine leaves it posting,
     * for {@link RepostAdjustments} to finish.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void post(Adjustment a) {
        AdjustmentRecords self = context.getBusinessObject(AdjustmentRecords.class);
        try {
            gateway.adjust(a.id(), a.userId(), a.asset(), a.amount());
        } catch (BusinessException e) {
            if (e.code() != ErrorCode.ENGINE_UNAVAILABLE) {
                self.discard(a.id());
            }
            throw e;
        }
        self.posted(a.id());
        a.posted();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void posted(long id) {
        Adjustment a = em.find(Adjustment.class, id);
        if (a != null && a.posting()) {
            a.posted();
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void discard(long id) {
        Adjustment a = em.find(Adjustment.class, id);
        if (a != null && a.posting()) {
            em.remove(a);
        }
    }

    /** Adjustments still posting since before {@code before}: their poster died or the engine did not answer. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Adjustment> stuck(Instant before, int max) {
        return em.createQuery("SELECT a FROM Adjustment a WHERE a.status = :s AND a.createdAt < :before ORDER BY a.id",
                        Adjustment.class).setParameter("s", AdjustmentView.POSTING).setParameter("before", before)
                .setMaxResults(max).getResultList();
    }
}
