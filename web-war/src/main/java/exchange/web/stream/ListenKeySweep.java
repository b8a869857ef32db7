package exchange.web.stream;

import exchange.api.user.UserSessions;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every few seconds, on every node, the user streams whose sign-in ended (logout, log out
 * everywhere, a freeze) are closed: a socket outliving its session would go on showing the
 * user's orders and balances to whoever holds it.
 */
@Singleton
public class ListenKeySweep {
    @Inject
    private StreamHub hub;
    @Inject
    private ListenKeys keys;
    @EJB
    private UserSessions sessions;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void sweep() {
        hub.endLapsed(key -> keys.owner(key) != null, userId -> !sessions.frozen(userId));
    }
}
