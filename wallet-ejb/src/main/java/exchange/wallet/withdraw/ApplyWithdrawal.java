package exchange.wallet.withdraw;

import exchange.api.engine.EngineGateway;
import exchange.api.finance.RiskControl;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.WithdrawCompleted;
import exchange.api.event.WithdrawRequested;
import exchange.api.user.SecondFactor;
import exchange.api.wallet.Withdrawals;
import exchange.wallet.account.Assets;
import exchange.wallet.deposit.ApplyDepositAddress;
import exchange.wallet.deposit.AssetNetwork;
import exchange.wallet.messaging.WalletEventOutbox;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Seed 3.4 (提现申请 → 审核): checks the address (format and checksum, per chain) and the amount
 * (decimals, minimum), has the engine freeze amount plus fee at once (it owns the balances and
 * refuses when they are short) so the funds cannot be spent twice while the withdrawal waits, and
 * approves it automatically below the asset's limit; above it an operator approves or rejects, and
 * a rejection unfreezes. All in one transaction each.
 */
@Stateless
public class ApplyWithdrawal implements Withdrawals {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private Assets assets;
    @EJB
    private EngineGateway gateway;
    @Resource
    private TransactionSynchronizationRegistry transaction;
    @Resource
    private ManagedExecutorService executor;
    @EJB
    private WalletEventOutbox events;
    @EJB
    private SecondFactor secondFactor;
    @EJB
    private ManageWhitelist whitelist;
    @EJB
    private exchange.api.user.Kyc kyc;
    @EJB
    private RiskControl risk;
    @EJB
    private exchange.api.wallet.WalletFreeze freezes;
    @EJB
    private exchange.api.finance.ExchangeMode mode;
    @EJB
    private exchange.wallet.ledger.Ledger ledger;
    @EJB
    private exchange.api.user.OperatorAuthentication operators;

    @Override
    public WithdrawalView apply(long userId, WithdrawRequest request) {
        return apply(userId, request, true);
    }

    @Override
    public WithdrawalView applyWithApiKey(long userId, WithdrawRequest request) {
        return apply(userId, request, false);
    }

    private WithdrawalView apply(long userId, WithdrawRequest request, boolean askSecondFactor) {
        // First of all, before this transaction reads anything: one application per user and asset
        // at a time from here to commit. Taken first, the lock comes before this transaction's read
        // snapshot, so the daily limit and the velocity rules below see every application that
        // committed before it (taken later, parallel applications each saw the others missing and
        // all passed the limit).
        if (request.asset() != null) {
            ledger.holdIfOpen(userId, request.asset().trim().toUpperCase(Locale.ROOT));
        }
        if (request.requestId() != null) {
            List<Withdrawal> earlier = em.createNamedQuery(Withdrawal.BY_REQUEST, Withdrawal.class)
                    .setParameter("userId", userId).setParameter("requestId", request.requestId()).getResultList();
            if (!earlier.isEmpty()) {
                return earlier.get(0).view(); // a retried application is the first one
            }
        }
        if (mode.readOnly()) {
            throw new BusinessException(ErrorCode.EXCHANGE_READ_ONLY);
        }
        if (freezes.frozen(userId)) {
            throw new BusinessException(ErrorCode.WALLET_FROZEN);
        }
        // The second factor first: a wrong code reveals nothing about the rest of the request.
        if (askSecondFactor) {
            secondFactor.require(userId, request.totpCode());
        }
        AssetNetwork where = AssetNetwork.resolve(em, request.asset(), request.network());
        String address = WithdrawAddresses.check(where.chain(), request.address(), ApplyDepositAddress.bitcoinNetwork());
        whitelist.requireAllowed(userId, where.chain(), address);
        BigDecimal amount = request.amount();
        assets.checkAmount(where.asset(), amount);
        if (amount.signum() < 0) {
            throw new BusinessException(ErrorCode.INVALID_AMOUNT, "amount must be positive");
        }
        if (amount.compareTo(where.minWithdraw()) < 0) {
            throw new BusinessException(ErrorCode.BELOW_MINIMUM,
                    "The minimum " + where.asset() + " withdrawal on " + where.network() + " is " + where.minWithdraw().stripTrailingZeros().toPlainString() + ".");
        }
        requireWithinDailyLimit(userId, where.asset(), amount.add(where.withdrawFee()));
        boolean automatic = amount.compareTo(where.autoApproveMax()) <= 0;
        Withdrawal withdrawal = new Withdrawal(userId, where.asset(), where.network(), where.chain(), address, amount,
                where.withdrawFee(), automatic, request.requestId());
        em.persist(withdrawal);
        em.flush();
        RiskControl.Assessment assessment = risk.assessWithdrawal(facts(withdrawal));
        if (assessment.hold()) {
            withdrawal.heldByRisk("Held by risk control: " + String.join(", ",
                    assessment.findings().stream().filter(f -> "HOLD".equals(f.action())).map(RiskControl.FindingView::ruleCode).toList()));
        }
        events.publish(new WithdrawRequested(withdrawal.id(), userId, where.asset(), where.network(), address, amount,
                where.withdrawFee(), withdrawal.status()));
        em.flush();
        freeze(withdrawal, amount.add(where.withdrawFee()));
        return withdrawal.view();
    }

    /**
     * The last step: the engine applies the freeze at once, outside this transaction, so little
     * may fail after it. Insufficient balance is a rollback exception: the withdrawal row goes.
     */
    private void freeze(Withdrawal withdrawal, BigDecimal withFee) {
        ReleaseOnRollback compensation = new ReleaseOnRollback(gateway, executor, withdrawal.id());
        transaction.registerInterposedSynchronization(compensation);
        try {
            gateway.freezeWithdrawal(withdrawal.id(), withdrawal.userId(), withdrawal.asset(), withFee);
        } catch (BusinessException e) {
            if (e.code() != ErrorCode.ENGINE_UNAVAILABLE) {
                compensation.notNeeded(); // refused: nothing was frozen
            }
            throw e;
        }
    }

    private boolean needsFourEyes(Withdrawal w) {
        BigDecimal limit = AssetNetwork.resolve(em, w.view().asset(), w.view().network()).fourEyesAbove();
        return limit.signum() > 0 && w.view().amount().compareTo(limit) >= 0;
    }

    /** What the risk rules ask of this withdrawal that only the wallet's own tables tell. */
    private RiskControl.WithdrawalFacts facts(Withdrawal w) {
        java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        List<java.time.Instant> recent = em.createQuery("SELECT x.createdAt FROM Withdrawal x WHERE x.userId = :u AND x.id <> :id"
                        + " AND x.createdAt > :since", java.time.Instant.class)
                .setParameter("u", w.view().userId()).setParameter("id", w.id()).setParameter("since", since).getResultList();
        long toSameAddress = em.createQuery("SELECT COUNT(x) FROM Withdrawal x WHERE x.userId = :u AND x.id <> :id"
                        + " AND x.address = :a AND x.status <> 'REJECTED'", Long.class)
                .setParameter("u", w.view().userId()).setParameter("id", w.id()).setParameter("a", w.view().address()).getSingleResult();
        return new RiskControl.WithdrawalFacts(w.id(), w.view().userId(), w.view().asset(), w.view().amount(), w.view().address(),
                toSameAddress == 0, recent);
    }

    /**
     * The last 24 hours' withdrawals of the asset (all but rejected and canceled ones, fees included) and this
     * one stay within the daily limit of the user's KYC level; an asset without a limit at that
     * level cannot be withdrawn.
     */
    private void requireWithinDailyLimit(long userId, String asset, BigDecimal withFee) {
        int level = kyc.level(userId);
        List<?> limit = em.createNativeQuery("SELECT daily_max FROM exchange_wallet.withdraw_limits WHERE kyc_level = ?1 AND asset = ?2")
                .setParameter(1, level).setParameter(2, asset).getResultList();
        BigDecimal max = limit.isEmpty() ? BigDecimal.ZERO : (BigDecimal) limit.get(0);
        BigDecimal used = em.createQuery("SELECT COALESCE(SUM(w.amount + w.fee), 0) FROM Withdrawal w WHERE w.userId = :user"
                        + " AND w.asset = :asset AND w.status NOT IN ('REJECTED', 'CANCELED') AND w.createdAt > :since", BigDecimal.class)
                .setParameter("user", userId).setParameter("asset", asset)
                .setParameter("since", java.time.Instant.now().minus(java.time.Duration.ofDays(1))).getSingleResult();
        if (used.add(withFee).compareTo(max) > 0) {
            throw new BusinessException(ErrorCode.WITHDRAWAL_LIMIT_EXCEEDED, "KYC level " + level + " allows "
                    + max.stripTrailingZeros().toPlainString() + " " + asset + " per 24 hours; "
                    + used.stripTrailingZeros().toPlainString() + " used.");
        }
    }

    @Override
    public List<WithdrawalView> history(long userId, String asset, int limit) {
        gateway.awaitProjected(userId); // read your writes
        return em.createNamedQuery(Withdrawal.OF_USER, Withdrawal.class).setParameter("userId", userId)
                .setParameter("asset", asset == null || asset.isBlank() ? null : asset.trim().toUpperCase(Locale.ROOT))
                .setMaxResults(limit).getResultList().stream().map(Withdrawal::view).toList();
    }

    @Override
    public List<WithdrawalView> pendingReview(int limit) {
        return em.createNamedQuery(Withdrawal.PENDING_REVIEW, Withdrawal.class).setMaxResults(limit).getResultList()
                .stream().map(Withdrawal::view).toList();
    }

    @Override
    public List<WithdrawalView> stuck(int limit) {
        return em.createQuery("SELECT w FROM Withdrawal w WHERE w.status = 'STUCK' ORDER BY w.id", Withdrawal.class)
                .setMaxResults(limit).getResultList().stream().map(Withdrawal::view).toList();
    }

    @Override
    public List<WithdrawalView> approved(int limit) {
        return em.createQuery("SELECT w FROM Withdrawal w WHERE w.status = 'APPROVED' ORDER BY w.id", Withdrawal.class)
                .setMaxResults(limit).getResultList().stream().map(Withdrawal::view).toList();
    }

    /**
     * Under the row's lock, which the sender also takes to sign: an approved withdrawal is either
     * canceled here or signed there, never both. Nothing was sent, so the funds are released.
     */
    @Override
    public WithdrawalView cancelApproved(long withdrawalId, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "reason: a cancellation needs one");
        }
        Withdrawal w = em.find(Withdrawal.class, withdrawalId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No withdrawal " + withdrawalId + ".");
        }
        if (!Withdrawal.APPROVED.equals(w.status())) {
            throw new BusinessException(ErrorCode.WITHDRAWAL_NOT_CANCELABLE, "Withdrawal " + withdrawalId + " is " + w.status() + ".");
        }
        w.canceled(operator, reason);
        events.publish(new WithdrawCompleted(w.id(), w.userId(), w.asset(), w.amount(), Withdrawal.CANCELED, reason, null));
        release(w);
        return w.view();
    }

    /** Under the row's lock, so a double click or two operators cannot decide twice. */
    @Override
    public WithdrawalView review(long withdrawalId, boolean approve, String operator, String reason) {
        Withdrawal w = em.find(Withdrawal.class, withdrawalId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No withdrawal " + withdrawalId + ".");
        }
        if (!"PENDING_REVIEW".equals(w.status())) {
            throw new BusinessException(ErrorCode.WITHDRAWAL_NOT_PENDING, "Withdrawal " + withdrawalId + " is " + w.status() + ".");
        }
        if (!approve && (reason == null || reason.isBlank())) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "reason: a rejection needs one");
        }
        if (approve && freezes.frozen(w.userId())) {
            throw new BusinessException(ErrorCode.WALLET_FROZEN);
        }
        if (approve && needsFourEyes(w)) {
            // An operator made after the withdrawal was applied for does not count as a pair of
            // eyes: else one admin could make a second operator and approve alone.
            if (!operators.createdAt(operator).orElse(java.time.Instant.MAX).isBefore(w.view().createdAt())) {
                throw new BusinessException(ErrorCode.FOUR_EYES_REQUIRED, "Operator " + operator
                        + " was made after withdrawal " + withdrawalId + " was applied for: an earlier operator approves it.");
            }
            if (w.firstApprovedBy() == null) {
                w.firstApproval(operator);
                return w.view();
            }
            if (w.firstApprovedBy().equals(operator)) {
                throw new BusinessException(ErrorCode.FOUR_EYES_REQUIRED, "Withdrawal " + withdrawalId
                        + " was approved by " + operator + " already: a second operator approves it.");
            }
        }
        w.reviewed(approve, operator, reason);
        if (!approve) {
            events.publish(new WithdrawCompleted(w.id(), w.userId(), w.asset(), w.amount(), Withdrawal.REJECTED, reason, null));
            release(w);
        }
        return w.view();
    }

    /**
     * The last step, the new status flushed before it: the engine applies the release at once, and
     * the balance projection reads the status (under this row's lock) to name the posting.
     */
    private void release(Withdrawal w) {
        em.flush();
        gateway.releaseWithdrawal(w.id());
    }
}
