package exchange.web.limits;

import exchange.api.error.ErrorCode;
import exchange.web.binance.BinanceErrors;
import exchange.web.error.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call costs its {@link Weight} against the client address's minute: over the limit the
 * answer is 429 with Retry-After, and an address that goes on regardless is banned (418) for a
 * while. Binance's {@code X-MBX-USED-WEIGHT-1M} header tells /api/v3 clients where they stand.
 * Runs before authentication, so unauthenticated floods are limited too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RequestWeightFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String USED = RequestWeightFilter.class.getName() + ".used";

    @Inject
    private RateLimits limits;
    @Inject
    private HttpServletRequest http;
    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Weight weight = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Weight.class);
        String client = exchange.api.web.ClientAddress.of(http);
        exchange.api.web.AddressLimit.Verdict v = limits.weigh(client, weight == null ? 1 : weight.value());
        ctx.setProperty(USED, v.used());
        if (v.allowed() && resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(SignIn.class)) {
            exchange.api.web.AddressLimit.Verdict signIns = limits.signIn(client);
            if (!signIns.allowed()) {
                ctx.abortWith(Response.fromResponse(ErrorBody.response(ErrorCode.TOO_MANY_REQUESTS, "At most " + signIns.limit()
                        + " sign-in attempts per minute from one address.")).header("Retry-After", signIns.retryAfter()).build());
                return;
            }
        }
        if (!v.allowed()) {
            ErrorCode code = v.banned() ? ErrorCode.IP_BANNED : ErrorCode.TOO_MANY_REQUESTS;
            String message = v.banned() ? "IP(" + client + ") banned for " + v.retryAfter() + " s."
                    : "current limit of IP(" + client + ") request weight is " + v.limit() + " per 1 MINUTE.";
            Response refused = BinanceErrors.applies(ctx.getUriInfo()) ? BinanceErrors.response(code, message) : ErrorBody.response(code, message);
            ctx.abortWith(Response.fromResponse(refused).header("Retry-After", v.retryAfter())
                    .header("X-MBX-USED-WEIGHT-1M", v.used()).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(USED) instanceof Long used && BinanceErrors.applies(request.getUriInfo())
                && !response.getHeaders().containsKey("X-MBX-USED-WEIGHT-1M")) {
            response.getHeaders().add("X-MBX-USED-WEIGHT-1M", used);
        }
    }
}
