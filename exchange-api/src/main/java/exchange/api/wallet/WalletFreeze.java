package exchange.api.wallet;

import jakarta.ejb.Local;

/** Operators freeze a user's wallet (no withdrawal applied for or approved) and unfreeze it. WalletFrozen. */
@Local
public interface WalletFreeze {
    /** A reason is needed (400 VALIDATION_FAILED). */
    void freeze(long userId, String operator, String reason);

    void unfreeze(long userId, String operator);

    boolean frozen(long userId);
}
