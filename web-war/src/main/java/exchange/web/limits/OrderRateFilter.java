package exchange.web.limits;

import exchange.api.error.ErrorCode;
import exchange.web.binance.BinanceErrors;
import exchange.web.binance.SignedCall;
import exchange.web.error.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * New orders per account per 10 seconds, on both faces alike (one account, one budget). Runs after
 * authentication: a bearer token's subject or a signed request's key names the account.
 */
@Provider
@OrderRate
@Priority(Priorities.USER)
@ApplicationScoped
public class OrderRateFilter implements ContainerRequestFilter {
    @Inject
    private RateLimits limits;
    @Inject
    private HttpServletRequest http;
    @Inject
    private SignedCall signed;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Principal principal = http.getUserPrincipal();
        Long userId = principal instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt ? Long.valueOf(jwt.getSubject())
                : signed.signedUserId();
        if (userId == null) {
            return; // not signed in: the resource refuses it anyway
        }
        exchange.api.web.AddressLimit.Verdict v = limits.newOrder(userId);
        if (!v.allowed()) {
            String message = "current limit is " + v.limit() + " orders per 10 SECOND.";
            Response refused = BinanceErrors.applies(ctx.getUriInfo()) ? BinanceErrors.response(ErrorCode.TOO_MANY_ORDERS, message)
                    : ErrorBody.response(ErrorCode.TOO_MANY_ORDERS, message);
            ctx.abortWith(Response.fromResponse(refused).header("Retry-After", v.retryAfter()).build());
        }
    }
}
