package exchange.api.user;

import jakarta.ejb.Local;
import java.util.Optional;

/** Operators of the console and the admin API. */
@Local
public interface OperatorAuthentication {
    Optional<OperatorView> authenticate(String email, String password);

    /** A token for the admin API, with the operator's roles as groups; BAD_CREDENTIALS otherwise. */
    AccessToken login(String email, String password);
}
