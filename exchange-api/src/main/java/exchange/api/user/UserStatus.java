package exchange.api.user;

import jakarta.ejb.Local;

/** Operators freeze a user (no sign-in, no API, sessions ended at once) and unfreeze them. UserStatusChanged. */
@Local
public interface UserStatus {
    /** A reason is needed to freeze (400 VALIDATION_FAILED); 404 NOT_FOUND for an unknown user. */
    UserView freeze(long userId, String operator, String reason);

    UserView unfreeze(long userId, String operator, String reason);
}
