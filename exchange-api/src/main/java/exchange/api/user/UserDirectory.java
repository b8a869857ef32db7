package exchange.api.user;

import exchange.api.Page;
import jakarta.ejb.Local;
import java.util.Optional;

/** Read access to users for the other modules and the console. */
@Local
public interface UserDirectory {
    Page<UserView> users(int page, int size, String emailContains);

    Optional<UserView> user(long id);

    /** How many users signed up in [from, to): the finance report's new users. */
    long registeredBetween(java.time.Instant from, java.time.Instant to);
}
