package exchange.admin.security;

import exchange.api.web.AddressLimit;
import exchange.api.web.ClientAddress;
import exchange.api.web.RequestGate;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every console page needs a signed-in operator with one of the roles the page names
 * ({@link ConsolePages}); only the sign-in page and the Faces scripts and styles are open. A page
 * not named there is closed to every operator.
 *
 * <p>Why a filter and not a Jakarta Security form mechanism: Payara 6 resolves one
 * HttpAuthenticationMechanism per application, and the EAR already has the API's bearer-token one
 * (exchange.api.web.BearerTokenMechanism, in lib/ so that this module resolves it too); a second
 * one in this WAR makes every request of both fail (WELD-001318, seen here).
 */
@WebFilter("/*")
public class ConsoleGuard extends RequestGate {
    /** Console forms are small (Faces keeps the view state on the server). */
    private static final long MAX_BODY_BYTES = 256 * 1024;

    @Inject
    private OperatorSession session;
    private redis.clients.jedis.JedisPooled redis;
    private AddressLimit limits;

    @Override
    public void init() throws ServletException {
        super.init();
        redis = exchange.api.Redis.open();
        limits = new AddressLimit(redis, org.eclipse.microprofile.config.ConfigProvider.getConfig());
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected long maxBodyBytes(HttpServletRequest request) {
        return MAX_BODY_BYTES;
    }

    @Override
    protected void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.getWriter().write(code + ": " + message);
    }

    @Override
    protected void admitted(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        // The gate let only canonical paths through, so the path the container dispatches (servlet
        // path + path info) is the one the raw request named: decide on it.
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        // The console is under the API's limits: its weight per address, and its sign-ins with the API's.
        String client = ClientAddress.of(req);
        AddressLimit.Verdict weight = limits.weigh(client, 1);
        AddressLimit.Verdict signIns = weight.allowed() && "POST".equals(req.getMethod()) && path.equals("/login.xhtml")
                ? limits.signIn(client) : weight;
        if (!weight.allowed() || !signIns.allowed()) {
            res.setHeader("Retry-After", Long.toString(Math.max(weight.retryAfter(), signIns.retryAfter())));
            refuse(res, weight.banned() ? 418 : 429, weight.banned() ? "IP_BANNED" : "TOO_MANY_REQUESTS",
                    "Too many requests or sign-in attempts from this address; wait as Retry-After says.");
            return;
        }
        if (path.equals("/login.xhtml") || ConsolePages.isFacesResource(path) && ConsolePages.isLibraryName(req.getParameter("ln"))
                || ConsolePages.allows(session, path)) {
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("X-Frame-Options", "DENY");
            chain.doFilter(req, res);
            return;
        }
        res.sendRedirect(req.getContextPath() + (session.isSignedIn() ? ConsolePages.home(session) : "/login.xhtml"));
    }
}
