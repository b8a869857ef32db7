package exchange.wallet.chain;

import jakarta.ejb.ApplicationException;

/** A node that cannot be reached or refuses a call: scanning of that chain pauses, nothing else does. */
@ApplicationException(rollback = true)
public class ChainUnavailableException extends RuntimeException {
    public ChainUnavailableException(String message) {
        super(message);
    }

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
