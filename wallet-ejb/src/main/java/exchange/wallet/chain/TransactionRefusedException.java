package exchange.wallet.chain;

/** The node refused a signed transaction for good (invalid, or its inputs are gone): re-sending it cannot help. */
public class TransactionRefusedException extends RuntimeException {
    public TransactionRefusedException(String message) {
        super(message);
    }
}
