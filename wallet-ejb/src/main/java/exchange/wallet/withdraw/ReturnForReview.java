package exchange.wallet.withdraw;

import jakarta.persistence.EntityManager;
import java.util.logging.Logger;

/**
 * A withdrawal the chain would not take, or that failed there, goes back to the review queue with
 * its funds still frozen: nothing was paid, so an operator approves it again (a new transaction)
 * or rejects it (unfrozen). Its Bitcoin outputs are free again; an Ethereum nonce frees itself,
 * as the next signing asks the node.
 */
final class ReturnForReview {
    private static final Logger LOG = Logger.getLogger(ReturnForReview.class.getName());

    private ReturnForReview() {
    }

    /** In the caller's transaction, which holds the withdrawal's row. */
    static void of(EntityManager em, Withdrawal w, String why) {
        LOG.warning("withdrawal " + w.id() + " returned for review: " + why);
        if ("BTC".equals(w.chain())) {
            em.createNativeQuery("UPDATE exchange_wallet.hot_wallet_outputs SET status = 'UNSPENT', withdrawal_id = NULL"
                    + " WHERE withdrawal_id = ?1 AND status = 'RESERVED'").setParameter(1, w.id()).executeUpdate();
        }
        w.returnedForReview(why);
    }
}
