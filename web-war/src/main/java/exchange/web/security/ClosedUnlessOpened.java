package exchange.web.security;

import exchange.api.error.ErrorCode;
import exchange.web.binance.Signed;
import exchange.web.error.ErrorBody;
import jakarta.annotation.security.DenyAll;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * An endpoint is closed unless it says who may call it: {@link Open}, {@link Roles} or
 * {@code @Signed} on the method or its class. One that says nothing answers 403 to everyone,
 * so a forgotten annotation fails closed instead of open (MP-JWT alone lets it through). Jersey's
 * own generated handlers (OPTIONS, WADL) say nothing either and are closed the same way.
 *
 * <p>{@link Roles} is enforced here too: the servlet layer has already run the MP-JWT mechanism
 * on the request, so the caller is the {@link JsonWebToken} principal on it, and a role is one of
 * its groups. No token: 401; a token without the role: 403.
 */
@Provider
public class ClosedUnlessOpened implements DynamicFeature {
    private static final Logger LOG = Logger.getLogger(ClosedUnlessOpened.class.getName());

    public static boolean saysWhoMayCall(Method method, Class<?> resource) {
        return opens(method) || !closes(method) && opens(resource);
    }

    private static boolean opens(AnnotatedElement e) {
        return e.isAnnotationPresent(Open.class) || e.isAnnotationPresent(Roles.class)
                || e.isAnnotationPresent(Signed.class);
    }

    private static boolean closes(AnnotatedElement e) {
        return e.isAnnotationPresent(DenyAll.class);
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        Method method = info.getResourceMethod();
        if (method != null && !saysWhoMayCall(method, info.getResourceClass())) {
            if (info.getResourceClass().getName().startsWith("exchange.")) {
                LOG.warning("closed: " + info.getResourceClass().getName() + "." + method.getName() + " names no role");
            }
            context.register(new Deny(), Priorities.AUTHENTICATION - 100);
            return;
        }
        String[] roles = method == null ? null : rolesOf(method, info.getResourceClass());
        if (roles != null) {
            context.register(new RequireRole(roles), Priorities.AUTHORIZATION);
        }
    }

    /** The roles a method requires, or null when it names none (open, or signed, or denied). */
    static String[] rolesOf(Method method, Class<?> resource) {
        if (method.isAnnotationPresent(Open.class) || closes(method)) {
            return null;
        }
        Roles roles = method.getAnnotation(Roles.class);
        if (roles == null) {
            roles = resource.getAnnotation(Roles.class);
        }
        return roles == null ? null : roles.value();
    }

    private static final class RequireRole implements ContainerRequestFilter {
        private final String[] roles;

        RequireRole(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext ctx) {
            if (!(ctx.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
                throw new NotAuthorizedException("Bearer", Response.status(Response.Status.UNAUTHORIZED).build());
            }
            java.util.Set<String> groups = jwt.getGroups();
            for (String role : roles) {
                if (groups != null && groups.contains(role)) {
                    return;
                }
            }
            throw new ForbiddenException("Caller not in requested role");
        }
    }

    private static final class Deny implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext ctx) {
            ctx.abortWith(ErrorBody.response(ErrorCode.FORBIDDEN));
        }
    }
}
