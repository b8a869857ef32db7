package exchange.wallet.withdraw;

import exchange.api.engine.EngineGateway;
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
import exchange.wallet.messaging.WalletEventOutbox;
import exchange.wallet.messaging.WalletProcessedEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Seed 3.4 (确认 → 完成): each {@link WithdrawalCheckDue} looks at a sent withdrawal on the chain and
 * sets the next one, until the transaction has its asset's confirmations; then the engine takes
 * the frozen amount and fee out of the user's balance (the projection posts the amount to the
 * withdrawals account, the fee to fee income) and {@code WithdrawCompleted} tells the others. A transaction the node lost is sent again, the
 * same one; one that failed on the chain returns for review; one the node now refuses is STUCK,
 * still watched, and returns for review only once it is provably dead ({@link ProveTransactionDead}).
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
    @Inject
    private ProveTransactionDead proof;
    @EJB
    private EngineGateway gateway;
    @EJB
    private WalletEventOutbox events;
    @Inject
    @ConfigProperty(name = "exchange.wallet.withdraw.check-delay-ms", defaultValue = "5000")
    long checkDelayMs;
    /** A stuck withdrawal waits on something outside (a peer, a block, an operator): looked at less often. */
    @Inject
    @ConfigProperty(name = "exchange.wallet.withdraw.stuck-check-delay-ms", defaultValue = "30000")
    long stuckCheckDelayMs;

    public void onCheckDue(EventEnvelope event) {
        if (!Inbox.firstDelivery(em, new WalletProcessedEvent(ConsumerGroups.WALLET, event))) {
            return;
        }
        WithdrawalCheckDue due = event.payloadAs(WithdrawalCheckDue.class);
        Withdrawal w = em.find(Withdrawal.class, due.withdrawalId(), LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !(Withdrawal.BROADCAST.equals(w.status()) || Withdrawal.STUCK.equals(w.status()))
                || w.checks() != due.check()) {
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
        if (Withdrawal.STUCK.equals(w.status())) {
            if (sent.state() == WithdrawChain.State.UNKNOWN) {
                stillStuck(w, chain);
                return;
            }
            LOG.warning("withdrawal " + w.id() + ": stuck transaction " + w.txHash() + " is on the chain after all (" + sent.state() + ")");
            w.resumed();
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

    /** An Ethereum withdrawal signed for another chain (a dev chain restarted under this database): never sent here. */
    private boolean ofAnotherChain(Withdrawal w) {
        return "ETH".equals(w.chain()) && w.chainGenesis() != null && !w.chainGenesis().equals(ethereum.genesis());
    }

    private void resend(Withdrawal w, WithdrawChain chain) {
        if (ofAnotherChain(w)) {
            w.stuck("signed for another chain (genesis " + w.chainGenesis() + "): not sent to this one");
            nextCheck(w, -1, 0);
            return;
        }
        if ((w.checks() + 1) % RESEND_AFTER == 0) {
            try {
                chain.broadcast(w.rawTx(), w.txHash());
                LOG.warning("withdrawal " + w.id() + ": the node did not know " + w.txHash() + "; sent it again");
            } catch (TransactionRefusedException e) {
                // A refusal proves nothing about peers or blocks we have not seen: stuck, not re-approvable.
                LOG.warning("withdrawal " + w.id() + " stuck: " + e.getMessage());
                w.stuck(e.getMessage());
            } catch (ChainUnavailableException | FaultToleranceException e) {
                // the next check tries again
            }
        }
        nextCheck(w, -1, 0);
    }

    /**
     * A stuck withdrawal whose transaction the node does not know: returned for review once its
     * transaction is provably dead, else looked at again (and offered to the node again, the same
     * transaction, now and then: a refusal may have been passing).
     */
    private void stillStuck(Withdrawal w, WithdrawChain chain) {
        int confirmations = em.find(AssetNetwork.class, new AssetNetwork.Key(w.asset(), w.network())).confirmations();
        Long seen;
        try {
            seen = proof.competingSpendSeenAt(w, confirmations);
        } catch (ChainUnavailableException | FaultToleranceException e) {
            stuckCheck(w, w.deathSeenAt());
            return;
        }
        Long firstSeen = seen == null ? null : w.deathSeenAt() == null ? seen : w.deathSeenAt();
        if (seen != null && proof.dead(w, firstSeen, seen, confirmations)) {
            ReturnForReview.of(em, w, "its transaction " + w.txHash() + " can never be mined: what it spends was spent on chain"
                    + " by another transaction, " + confirmations + " confirmations deep; nothing was paid");
            return;
        }
        if ((w.checks() + 1) % RESEND_AFTER == 0 && !ofAnotherChain(w)) {
            try {
                chain.broadcast(w.rawTx(), w.txHash());
                LOG.warning("withdrawal " + w.id() + ": the node took stuck " + w.txHash() + " this time");
            } catch (TransactionRefusedException | ChainUnavailableException | FaultToleranceException e) {
                // still refused: it stays stuck for an operator to see
            }
        }
        stuckCheck(w, firstSeen);
    }

    private void stuckCheck(Withdrawal w, Long deathSeenAt) {
        w.checked(-1, 0);
        w.deathSeenAt(deathSeenAt);
        events.publish(new WithdrawalCheckDue(w.id(), w.checks()), Duration.ofMillis(stuckCheckDelayMs));
    }

    private void nextCheck(Withdrawal w, long height, int confirmations) {
        w.checked(height, confirmations);
        events.publish(new WithdrawalCheckDue(w.id(), w.checks()), Duration.ofMillis(checkDelayMs));
    }

    /**
     * The engine's completion last: it applies at once, outside this transaction. Should this roll
     * back after it, the next check completes again, which the engine answers as done.
     */
    private void complete(Withdrawal w) {
        if ("BTC".equals(w.chain())) {
            em.createNativeQuery("UPDATE exchange_wallet.hot_wallet_outputs SET status = 'SPENT' WHERE withdrawal_id = ?1")
                    .setParameter(1, w.id()).executeUpdate();
        }
        w.completed();
        events.publish(new WithdrawCompleted(w.id(), w.userId(), w.asset(), w.amount(), Withdrawal.COMPLETED, null, w.txHash()));
        em.flush();
        gateway.completeWithdrawal(w.id());
        LOG.info("withdrawal " + w.id() + " completed: " + w.txHash());
    }
}
