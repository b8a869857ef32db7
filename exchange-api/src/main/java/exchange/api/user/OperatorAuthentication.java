package exchange.api.user;

import jakarta.ejb.Local;
import java.util.Optional;

/** Operators of the console and the admin API. */
@Local
public interface OperatorAuthentication {
    /**
     * The operator when the password and the TOTP code are right (the code is needed where the
     * operator has a second factor, and every admin or finance operator must have one); empty
     * otherwise. Failures lock the operator out for a while: 429 LOGIN_LOCKED, whatever is tried.
     */
    Optional<OperatorView> authenticate(String email, String password, String totpCode);

    /** A token for the admin API, with the operator's roles as groups; BAD_CREDENTIALS otherwise. */
    AccessToken login(String email, String password, String totpCode);

    /** The console's roles: admin (everything), finance, support, auditor (reads). */
    java.util.Set<String> ROLES = java.util.Set.of("admin", "finance", "support", "auditor");

    /** Roles that move money or run the exchange: they sign in only with a second factor. */
    java.util.Set<String> SECOND_FACTOR_ROLES = java.util.Set.of("admin", "finance");

    /**
     * A new operator with some of {@link #ROLES} and a TOTP secret, shown here once for the
     * operator's authenticator app; 409 EMAIL_TAKEN, 400 VALIDATION_FAILED / WEAK_PASSWORD.
     */
    NewOperator create(String email, String password, java.util.Set<String> roles);

    /** A new TOTP secret for an operator (the old one stops working), shown once; 404 when there is no such operator. */
    NewOperator renewSecondFactor(long operatorId);

    /** When the operator was made; empty for an unknown name. Four-eyes counts only operators older than what they approve. */
    Optional<java.time.Instant> createdAt(String email);

    record NewOperator(OperatorView operator, String totpSecret, String otpauthUri) implements java.io.Serializable {
    }

    java.util.List<OperatorView> operators();
}
