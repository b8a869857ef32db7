package exchange.web.security;

import exchange.api.error.ErrorCode;
import exchange.web.binance.Signed;
import exchange.web.error.ErrorBody;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
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
 * An endpoint is closed unless it says who may call it: {@code @PermitAll}, {@code @RolesAllowed}
 * or {@code @Signed} on the method or its class. One that says nothing answers 403 to everyone,
 * so a forgotten annotation fails closed instead of open (MP-JWT alone lets it through). Jersey's
 * own generated handlers (OPTIONS, WADL) say nothing either and are closed the same way.
 */
@Provider
public class ClosedUnlessOpened implements DynamicFeature {
    private static final Logger LOG = Logger.getLogger(ClosedUnlessOpened.class.getName());

    public static boolean saysWhoMayCall(Method method, Class<?> resource) {
        return opens(method) || !closes(method) && opens(resource);
    }

    private static boolean opens(AnnotatedElement e) {
        return e.isAnnotationPresent(PermitAll.class) || e.isAnnotationPresent(RolesAllowed.class)
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
        }
    }

    private static final class Deny implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext ctx) {
            ctx.abortWith(ErrorBody.response(ErrorCode.FORBIDDEN));
        }
    }
}
