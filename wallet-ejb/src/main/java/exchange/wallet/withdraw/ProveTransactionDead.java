package exchange.wallet.withdraw;

import exchange.wallet.chain.BitcoinChain;
import exchange.wallet.chain.EthereumChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.utils.Numeric;

/**
 * Whether a stuck withdrawal's signed transaction can never be mined any more, so that a new one
 * may be signed for it without paying twice. Only the chain proves that, never our node's refusal:
 * <ul>
 * <li>Ethereum: its sender's nonce is used by a transaction in a block with the asset's
 *     confirmations on top (an account's nonce can be used once, so ours can no longer be mined);
 * <li>Bitcoin: one of its inputs was spent by a block of the chain (an output can be spent once),
 *     and that spend has been seen for the asset's confirmations.
 * </ul>
 * The caller has seen the transaction itself nowhere (not pending, not mined).
 */
@ApplicationScoped
public class ProveTransactionDead {
    @Inject
    EthereumChain ethereum;
    @Inject
    BitcoinChain bitcoin;

    /** Null while no proof is seen; otherwise the height at which the competing spend is seen. */
    Long competingSpendSeenAt(Withdrawal w, long confirmations) {
        try {
            return switch (w.chain()) {
                case "ETH" -> nonceUsed(w, confirmations) ? ethereum.head() : null;
                case "BTC" -> anInputSpent(w) ? bitcoin.head() : null;
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            if (unreadable instanceof exchange.wallet.chain.ChainUnavailableException
                    || unreadable instanceof org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException) {
                throw unreadable;
            }
            return null; // a stored transaction we cannot read proves nothing: it stays stuck
        }
    }

    /**
     * Dead once the competing spend is buried deep enough: Ethereum's check already looks at a
     * block that deep; Bitcoin's is counted from the height where it was first seen.
     */
    boolean dead(Withdrawal w, Long firstSeenAt, long now, long confirmations) {
        if (firstSeenAt == null) {
            return false;
        }
        return "ETH".equals(w.chain()) || now - firstSeenAt + 1 >= confirmations;
    }

    private boolean nonceUsed(Withdrawal w, long confirmations) {
        if (w.nonce() == null) {
            return false;
        }
        SignedRawTransaction tx = (SignedRawTransaction) TransactionDecoder.decode(w.rawTx());
        String from;
        try {
            from = tx.getFrom();
        } catch (java.security.SignatureException e) {
            return false; // not a transaction we could have signed: nothing proves anything
        }
        return ethereum.confirmedNonce(from, confirmations).compareTo(BigInteger.valueOf(w.nonce())) > 0;
    }

    private boolean anInputSpent(Withdrawal w) {
        Transaction tx = Transaction.read(ByteBuffer.wrap(Numeric.hexStringToByteArray(w.rawTx())));
        for (TransactionInput in : tx.getInputs()) {
            if (bitcoin.spentInChain(in.getOutpoint().hash().toString(), in.getOutpoint().index())) {
                return true;
            }
        }
        return false;
    }
}
