package exchange.admin.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every console page needs a signed-in operator with one of the roles the page names
 * ({@link ConsolePages}); only the sign-in page and the Faces resources it uses are open.
 *
 * <p>Why a filter and not a Jakarta Security form mechanism: Payara 6 resolves one
 * HttpAuthenticationMechanism per application, and the EAR's API module already has MP-JWT's;
 * a second one in this WAR makes every request of both fail (WELD-001318, seen here).
 */
@WebFilter("/*")
public class ConsoleGuard extends HttpFilter {
    @Inject
    private OperatorSession session;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals("/login.xhtml") || path.startsWith("/jakarta.faces.resource/") || ConsolePages.allows(session, path)) {
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("X-Frame-Options", "DENY");
            chain.doFilter(req, res);
            return;
        }
        res.sendRedirect(req.getContextPath() + (session.isSignedIn() ? ConsolePages.home(session) : "/login.xhtml"));
    }
}
