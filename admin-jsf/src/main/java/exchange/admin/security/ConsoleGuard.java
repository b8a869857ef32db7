package exchange.admin.security;

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
 * HttpAuthenticationMechanism per application, and the EAR's API module already has MP-JWT's;
 * a second one in this WAR makes every request of both fail (WELD-001318, seen here).
 */
@WebFilter("/*")
public class ConsoleGuard extends RequestGate {
    /** Console forms are small (Faces keeps the view state on the server). */
    private static final long MAX_BODY_BYTES = 256 * 1024;

    @Inject
    private OperatorSession session;

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
