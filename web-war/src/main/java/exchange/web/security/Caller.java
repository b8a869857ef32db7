package exchange.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in caller of a request, read from the principal the MP-JWT mechanism has already put on the
 * request. Injecting {@code JsonWebToken} instead runs Payara's producer on every request, which asks Soteria for
 * the caller principal by probing for JBoss', WebLogic's and other servers' classes with failing class loads
 * through the application's class loader: about a fifth of the request path's CPU in a profile under load.
 *
 * <p>Application-scoped: it keeps no state, and the injected request is the container's proxy for the
 * current one. As a request-scoped bean, Weld built it anew on every request (4 % of the request threads'
 * CPU in a profile under order load).
 */
@ApplicationScoped
public class Caller {
    @Inject
    private HttpServletRequest request;

    /** The token's subject: the user id the token was issued for. */
    public long userId() {
        return Long.parseLong(token().getSubject());
    }

    /** The token's name ({@code upn}): the operator's login for audited admin actions. */
    public String name() {
        return token().getName();
    }

    /** The token's session ({@code sid}); null for tokens that belong to no session (operators'). */
    public String sessionId() {
        return sessionOf(token());
    }

    /** MP-JWT implementations hand a custom claim over as a String or as a JsonString. */
    static String sessionOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim("sid");
        return claim instanceof jakarta.json.JsonString s ? s.getString() : claim instanceof String s ? s : null;
    }

    private JsonWebToken token() {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            return jwt;
        }
        throw new NotAuthorizedException("Bearer");
    }
}
