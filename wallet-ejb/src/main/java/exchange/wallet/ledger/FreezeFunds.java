package exchange.wallet.ledger;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.wallet.WalletFunds;
import exchange.wallet.account.Assets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.util.List;

/** Freezing for orders and withdrawals: a move between available and frozen of one account. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class FreezeFunds implements WalletFunds {
    @EJB
    private Ledger ledger;
    @EJB
    private Assets assets;

    @Override
    public void freeze(long userId, String asset, BigDecimal amount, String businessType, String businessId) {
        requirePositive(asset, amount);
        ledger.post(businessType, businessId, List.of(new Leg(userId, asset, amount.negate(), amount)));
    }

    @Override
    public void release(long userId, String asset, BigDecimal amount, String businessType, String businessId) {
        requirePositive(asset, amount);
        ledger.post(businessType, businessId, List.of(new Leg(userId, asset, amount, amount.negate())));
    }

    private void requirePositive(String asset, BigDecimal amount) {
        assets.checkInternalAmount(asset, amount);
        if (amount.signum() < 0) {
            throw new BusinessException(ErrorCode.INVALID_AMOUNT, "Frozen amounts are positive.");
        }
    }
}
