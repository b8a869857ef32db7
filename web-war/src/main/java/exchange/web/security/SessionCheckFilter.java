package exchange.web.security;

import exchange.api.error.ErrorCode;
import exchange.api.user.UserSessions;
import exchange.web.error.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token whose session was ended (logout, log out everywhere) is refused at once, before its
 * expiry: MP-JWT checks the signature and the time, this checks the session is still open.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
@ApplicationScoped
public class SessionCheckFilter implements ContainerRequestFilter {
    private static boolean isTrader(JsonWebToken jwt) {
        return jwt.getGroups() != null && jwt.getGroups().contains("trader");
    }

    @EJB
    private UserSessions sessions;
    @Inject
    private HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (http.getUserPrincipal() instanceof JsonWebToken jwt) {
            String sid = Caller.sessionOf(jwt);
            // Freezing ends a user's sessions; a token of no session (sign-up's) asks the marker.
            if (sid != null ? !sessions.alive(sid) : isTrader(jwt) && sessions.frozen(Long.parseLong(jwt.getSubject()))) {
                ctx.abortWith(ErrorBody.response(ErrorCode.SESSION_INVALID));
            }
        }
    }
}
