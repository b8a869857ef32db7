package exchange.web.error;

import exchange.api.error.ErrorCode;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The error page for statuses the container sets itself, e.g. 401 from the JWT mechanism. */
@WebServlet("/error-json")
public class ContainerErrorServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object status = req.getAttribute("jakarta.servlet.error.status_code");
        ErrorCode code = WebExceptionMapper.forStatus(status instanceof Integer i ? i : 500);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write("{\"code\":\"" + code.name() + "\",\"message\":\"" + code.message() + "\"}");
    }
}
