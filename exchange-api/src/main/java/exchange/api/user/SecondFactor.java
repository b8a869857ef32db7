package exchange.api.user;

import jakarta.ejb.Local;

/** A user's TOTP second factor (RFC 6238, 30 s steps, 6 digits): set up, switched on, and checked. */
@Local
public interface SecondFactor {
    /** A new secret for the user's authenticator app; not in force until {@link #enable}. */
    Setup setup(long userId);

    /** Switches the factor on with a first valid code. */
    void enable(long userId, String code);

    boolean enabled(long userId);

    /**
     * For actions that need the second factor: passes when the user has none; otherwise the code
     * must be valid now (one step of clock drift allowed) and not used before. 400 TOTP_REQUIRED /
     * TOTP_INVALID.
     */
    void require(long userId, String code);

    record Setup(String secret, String otpauthUri) {
    }
}
