package exchange.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The API's root. Callers sign in with MP-JWT bearer tokens, checked by the web module's own
 * mechanism ({@link exchange.api.web.BearerTokenMechanism}); endpoints name their callers
 * with {@link exchange.web.security.Roles} and {@link exchange.web.security.Open}.
 */
@ApplicationPath("/api")
@DeclareRoles({"trader", "admin"})
@ApplicationScoped
public class RestApplication extends Application {
}
