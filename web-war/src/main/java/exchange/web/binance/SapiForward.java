package exchange.web.binance;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Binance serves its wallet endpoints under {@code /sapi}, beside {@code /api}; ours live in the
 * one JAX-RS application under {@code /api/sapi}. Forwarding keeps the method, headers, body and
 * query string, so signatures and the client's address are the caller's.
 */
@WebServlet("/sapi/*")
public class SapiForward extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String query = request.getQueryString();
        request.getRequestDispatcher("/api/sapi" + request.getPathInfo() + (query == null ? "" : "?" + query))
                .forward(request, response);
    }
}
