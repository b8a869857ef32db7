package exchange.wallet.withdraw;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.WalletFrozen;
import exchange.api.wallet.WalletFreeze;
import exchange.wallet.messaging.WalletEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;

@Stateless
public class FreezeWallet implements WalletFreeze {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private WalletEventOutbox events;

    @Override
    public void freeze(long userId, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "reason: freezing needs one");
        }
        int added = em.createNativeQuery("INSERT IGNORE INTO exchange_wallet.wallet_freezes (user_id, reason, frozen_by, frozen_at)"
                        + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, userId).setParameter(2, reason).setParameter(3, operator)
                .setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
        if (added == 1) {
            events.publish(new WalletFrozen(userId, true, reason, operator));
        }
    }

    @Override
    public void unfreeze(long userId, String operator) {
        int removed = em.createNativeQuery("DELETE FROM exchange_wallet.wallet_freezes WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate();
        if (removed == 1) {
            events.publish(new WalletFrozen(userId, false, null, operator));
        }
    }

    @Override
    public boolean frozen(long userId) {
        return !em.createNativeQuery("SELECT 1 FROM exchange_wallet.wallet_freezes WHERE user_id = ?1")
                .setParameter(1, userId).getResultList().isEmpty();
    }
}
