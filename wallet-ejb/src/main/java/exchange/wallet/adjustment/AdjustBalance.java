package exchange.wallet.adjustment;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.wallet.AccountView;
import exchange.api.wallet.AdjustmentView;
import exchange.api.wallet.BalanceAdjustments;
import exchange.api.wallet.WalletAccounts;
import exchange.wallet.account.Assets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An operator's credit or debit: an audit row, and the engine's posting against the adjustment account.
 * At or above the asset's four-eyes amount nothing is posted until a second operator, one who
 * existed before the request, approves it: one operator alone cannot mint a large balance.
 */
@Stateless
// No transaction of its own: the row is committed before the engine posts it (see AdjustmentRecords).
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
public class AdjustBalance implements BalanceAdjustments {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private AdjustmentRecords records;
    @EJB
    private Assets assets;
    @EJB
    private WalletAccounts accounts;
    @EJB
    private exchange.api.user.OperatorAuthentication operators;
    /** Per asset, the credit or debit from which a second operator must approve (absolute amount). */
    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "exchange.wallet.adjustment.four-eyes",
            defaultValue = "BTC:1000,ETH:10000,USDT:10000000")
    String fourEyes;

    @Override
    public AdjustmentView adjust(long userId, String asset, BigDecimal amount, String reason, String operator,
                                 String requestId) {
        if (userId <= 0) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such user.");
        }
        assets.checkAmount(asset, amount);
        // Accounts are opened at registration: none means no such user (the engine would take any id).
        if (em.createNamedQuery(exchange.wallet.account.Account.ONE, exchange.wallet.account.Account.class)
                .setParameter("userId", userId).setParameter("asset", asset).getResultList().isEmpty()) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No " + asset + " account for user " + userId + ".");
        }
        if (reason == null || reason.isBlank() || reason.length() > 255) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "reason: 1 to 255 characters");
        }
        String request = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        Adjustment earlier = earlier(request);
        if (earlier != null) {
            return again(earlier);
        }
        Adjustment adjustment = new Adjustment(request, userId, asset, amount, reason.trim(), operator);
        BigDecimal fourEyes = fourEyesAmount(asset);
        boolean approval = fourEyes != null && amount.abs().compareTo(fourEyes) >= 0;
        if (approval) {
            adjustment.awaitApproval();
        } else {
            adjustment.postNow();
        }
        try {
            records.open(adjustment);
        } catch (jakarta.ejb.EJBException e) {
            // The same request id at the same moment: the other one's row won.
            Adjustment won = earlier(request);
            if (won == null) {
                throw e;
            }
            return again(won);
        }
        if (approval) {
            return adjustment.view(balance(userId, asset));
        }
        records.post(adjustment);
        return adjustment.view(balanceAfterPosting(userId, asset));
    }

    private Adjustment earlier(String request) {
        List<Adjustment> rows = em.createQuery("SELECT a FROM Adjustment a WHERE a.requestId = :r", Adjustment.class)
                .setParameter("r", request).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A retry: the adjustment as it stands, finished first if its poster never was. */
    private AdjustmentView again(Adjustment a) {
        if (a.posting()) {
            records.post(a);
        }
        return a.view(balance(a.userId(), a.asset()));
    }

    @Override
    public AdjustmentView approve(long adjustmentId, String operator) {
        java.time.Instant since = operators.createdAt(operator).orElse(java.time.Instant.MAX);
        Adjustment a = records.approve(adjustmentId, operator, since);
        records.post(a);
        return a.view(balanceAfterPosting(a.userId(), a.asset()));
    }

    @Override
    public List<AdjustmentView> pending(int limit) {
        return em.createQuery("SELECT a FROM Adjustment a WHERE a.status = :s ORDER BY a.id", Adjustment.class)
                .setParameter("s", AdjustmentView.PENDING_APPROVAL).setMaxResults(limit).getResultList().stream()
                .map(a -> a.view(balance(a.userId(), a.asset()))).toList();
    }

    /**
     * The asset's four-eyes amount from {@code exchange.wallet.adjustment.four-eyes} ("BTC:100,ETH:1000,…"),
     * null for an asset it does not name.
     */
    private BigDecimal fourEyesAmount(String asset) {
        for (String pair : fourEyes.split(",")) {
            String[] kv = pair.trim().split(":");
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase(asset)) {
                return new BigDecimal(kv[1].trim());
            }
        }
        return null;
    }

    /**
     * The engine has taken the adjustment: a read that fails (the projection slow to catch up)
     * must not roll back its audit row, so the answer then goes without the balance.
     */
    private AccountView balanceAfterPosting(long userId, String asset) {
        try {
            return balance(userId, asset);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private AccountView balance(long userId, String asset) {
        return accounts.accountsOf(userId).stream().filter(a -> a.asset().equals(asset)).findFirst().orElse(null);
    }
}
