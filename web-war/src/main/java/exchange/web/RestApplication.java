package exchange.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** A CDI bean on purpose: Payara installs the MP-JWT mechanism only for a bean Application. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"trader", "admin"})
@ApplicationScoped
public class RestApplication extends Application {
}
