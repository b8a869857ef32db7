package exchange.wallet.withdraw;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.WithdrawCompleted;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.Inbox;
import exchange.wallet.chain.BitcoinChain;
import exchange.wallet.chain.ChainUnavailableException;
import exchange.wallet.chain.EthereumChain;
import exchange.wallet.chain.TransactionRefusedException;
import exchange.wallet.chain.WithdrawChain;
import exchange.wallet.deposit.AssetNetwork;
import exchange.wallet.ledger.Ledger;
import exchange.wallet.ledger.Leg;
import exchange.wallet.ledger.SystemAccounts;
import exchange.wallet.messaging.WalletEventOutbox;
import exchange.wallet.messaging.WalletProcessedEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Seed 3.4 (确认 → 完成): each {@link WithdrawalCheckDue} looks at a sent withdrawal on the chain and
 * sets the next one, until the transaction has its asset's confirmations; then the frozen amount
 * and fee leave the user's account (the amount to the withdrawals account, the fee to fee income)
 * and {@code WithdrawCompleted} tells the others. A transaction the node lost is sent again, the
 * same one; one that failed on the chain, or that the node now refuses, returns for review.
 */
@Stateless
public class TrackWithdrawal {
    private static final Logger LOG = Logger.getLogger(TrackWithdrawal.class.getName());
    /** Checks in a row that found the transaction unknown before it is sent again. */
    private static final int RESEND_AFTER = 3;

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @Inject
    private EthereumChain ethereum;
    @Inject
    private BitcoinChain bitcoin;
    @EJB
    private Ledger ledger;
    @EJB
    private WalletEventOutbox events;
    @Inject
    @ConfigProperty(name = "exchange.wallet.withdraw.check-delay-ms", defaultValue = "5000")
    long checkDelayMs;

    public void onCheckDue(EventEnvelope event) {
        if (!Inbox.firstDelivery(em, new WalletProcessedEvent(ConsumerGroups.WALLET, event))) {
            return;
        }
        WithdrawalCheckDue due = event.payloadAs(WithdrawalCheckDue.class);
        Withdrawal w = em.find(Withdrawal.class, due.withdrawalId(), LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !Withdrawal.BROADCAST.equals(w.status()) || w.checks() != due.check()) {
            return; // done, returned, or a stale timer: the current one carries the current count
        }
        WithdrawChain chain = "BTC".equals(w.chain()) ? bitcoin : ethereum;
        WithdrawChain.Sent sent;
        try {
            sent = chain.lookup(w.txHash());
        } catch (ChainUnavailableException | FaultToleranceException e) {
            // The node is down: look again later rather than fail the message into the DLQ.
            nextCheck(w, -1, 0);
            return;
        }
        switch (sent.state()) {
            case MINED -> {
                int required = em.find(AssetNetwork.class, new AssetNetwork.Key(w.asset(), w.network())).confirmations();
                if (sent.confirmations() >= required) {
                    w.checked(sent.blockHeight(), (int) sent.confirmations());
                    complete(w);
                } else {
                    nextCheck(w, sent.blockHeight(), (int) sent.confirmations());
                }
            }
            case FAILED -> ReturnForReview.of(em, w, "reverted on chain in " + w.txHash() + ": nothing was paid");
            case PENDING -> nextCheck(w, -1, 0);
            case UNKNOWN -> resend(w, chain);
        }
    }

    private void resend(Withdrawal w, WithdrawChain chain) {
        if ((w.checks() + 1) % RESEND_AFTER == 0) {
            try {
                chain.broadcast(w.rawTx(), w.txHash());
                LOG.warning("withdrawal " + w.id() + ": the node did not know " + w.txHash() + "; sent it again");
            } catch (TransactionRefusedException e) {
                ReturnForReview.of(em, w, e.getMessage());
                return;
            } catch (ChainUnavailableException | FaultToleranceException e) {
                // the next check tries again
            }
        }
        nextCheck(w, -1, 0);
    }

    private void nextCheck(Withdrawal w, long height, int confirmations) {
        w.checked(height, confirmations);
        events.publish(new WithdrawalCheckDue(w.id(), w.checks()), Duration.ofMillis(checkDelayMs));
    }

    private void complete(Withdrawal w) {
        BigDecimal frozen = w.amount().add(w.fee());
        ledger.post("WITHDRAW_COMPLETED", Long.toString(w.id()), List.of(
                new Leg(w.userId(), w.asset(), BigDecimal.ZERO, frozen.negate()),
                new Leg(SystemAccounts.WITHDRAWALS, w.asset(), w.amount(), BigDecimal.ZERO),
                new Leg(SystemAccounts.FEES, w.asset(), w.fee(), BigDecimal.ZERO)));
        if ("BTC".equals(w.chain())) {
            em.createNativeQuery("UPDATE exchange_wallet.hot_wallet_outputs SET status = 'SPENT' WHERE withdrawal_id = ?1")
                    .setParameter(1, w.id()).executeUpdate();
        }
        w.completed();
        events.publish(new WithdrawCompleted(w.id(), w.userId(), w.asset(), w.amount(), Withdrawal.COMPLETED, null, w.txHash()));
        LOG.info("withdrawal " + w.id() + " completed: " + w.txHash());
    }
}
