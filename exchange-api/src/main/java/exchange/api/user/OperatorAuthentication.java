package exchange.api.user;

import jakarta.ejb.Local;
import java.util.Optional;

/** Operators of the console and the admin API. */
@Local
public interface OperatorAuthentication {
    Optional<OperatorView> authenticate(String email, String password);

    /** A token for the admin API, with the operator's roles as groups; BAD_CREDENTIALS otherwise. */
    AccessToken login(String email, String password);

    /** The console's roles: admin (everything), finance, support, auditor (reads). */
    java.util.Set<String> ROLES = java.util.Set.of("admin", "finance", "support", "auditor");

    /** A new operator with some of {@link #ROLES}; 409 EMAIL_TAKEN, 400 VALIDATION_FAILED / WEAK_PASSWORD. */
    OperatorView create(String email, String password, java.util.Set<String> roles);

    java.util.List<OperatorView> operators();
}
