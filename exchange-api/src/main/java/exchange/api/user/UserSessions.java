package exchange.api.user;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/**
 * A trader's sign-in sessions: each login opens one (its id is the access token's {@code sid}
 * claim) with a refresh token that is rotated at every use. Ending a session, or all of a user's
 * sessions, makes their access tokens useless at once, not only when they expire.
 */
@Local
public interface UserSessions {
    /** A new access token and a new refresh token for the session; the old refresh token is spent. 401 SESSION_INVALID. */
    AccessToken refresh(String refreshToken);

    void logout(long userId, String sessionId);

    void logoutEverywhere(long userId);

    boolean alive(String sessionId);

    /** The account was frozen by an operator: tokens without a session (sign-up's) are refused too. */
    boolean frozen(long userId);

    /** Newest first: successful and failed sign-ins, and whether each came from a device not seen before. */
    List<LoginView> logins(long userId, int limit);

    record LoginView(Instant at, String ip, String userAgent, boolean success, boolean newDevice) {
    }
}
