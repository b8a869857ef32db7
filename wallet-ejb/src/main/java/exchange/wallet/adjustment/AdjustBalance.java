package exchange.wallet.adjustment;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.wallet.AccountView;
import exchange.api.wallet.AdjustmentView;
import exchange.api.wallet.BalanceAdjustments;
import exchange.api.wallet.WalletAccounts;
import exchange.wallet.account.Assets;
import exchange.wallet.ledger.Leg;
import exchange.wallet.ledger.Ledger;
import exchange.wallet.ledger.SystemAccounts;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An operator's credit or debit: an audit row and a two-leg posting against the adjustment account. */
@Stateless
public class AdjustBalance implements BalanceAdjustments {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private Ledger ledger;
    @EJB
    private Assets assets;
    @EJB
    private WalletAccounts accounts;

    @Override
    public AdjustmentView adjust(long userId, String asset, BigDecimal amount, String reason, String operator,
                                 String requestId) {
        if (userId <= 0) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such user.");
        }
        assets.checkAmount(asset, amount);
        if (reason == null || reason.isBlank() || reason.length() > 255) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "reason: 1 to 255 characters");
        }
        String request = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        List<Adjustment> earlier = em.createQuery("SELECT a FROM Adjustment a WHERE a.requestId = :r", Adjustment.class)
                .setParameter("r", request).getResultList();
        if (!earlier.isEmpty()) {
            Adjustment a = earlier.get(0);
            return a.view(balance(a.userId(), a.asset()));
        }
        Adjustment adjustment = new Adjustment(request, userId, asset, amount, reason.trim(), operator);
        em.persist(adjustment);
        em.flush();
        ledger.post("ADJUSTMENT", Long.toString(adjustment.id()), List.of(
                new Leg(userId, asset, amount, BigDecimal.ZERO),
                new Leg(SystemAccounts.ADJUSTMENTS, asset, amount.negate(), BigDecimal.ZERO)));
        return adjustment.view(balance(userId, asset));
    }

    private AccountView balance(long userId, String asset) {
        return accounts.accountsOf(userId).stream().filter(a -> a.asset().equals(asset)).findFirst().orElse(null);
    }
}
