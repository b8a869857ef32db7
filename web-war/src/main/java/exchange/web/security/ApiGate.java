package exchange.web.security;

import exchange.api.web.RequestGate;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's gate: canonical paths only, and bodies of at most {@code exchange.http.max-body-bytes}
 * (KYC documents, the only uploads, up to {@code exchange.kyc.max-document-bytes}). The signed-request
 * filter and every resource then read bodies already bounded.
 */
@WebFilter("/*")
public class ApiGate extends RequestGate {
    private static final java.util.regex.Pattern UPLOAD =
            java.util.regex.Pattern.compile("(?i)(image/png|image/jpeg|application/pdf)\\s*(;.*)?");
    @Inject
    @ConfigProperty(name = "exchange.http.max-body-bytes", defaultValue = "65536")
    long maxBody;
    @Inject
    @ConfigProperty(name = "exchange.kyc.max-document-bytes", defaultValue = "5242880")
    long maxDocument;

    @Override
    protected long maxBodyBytes(HttpServletRequest request) {
        String type = request.getContentType();
        boolean upload = type != null && UPLOAD.matcher(type).matches();
        // Headroom above the document limit, so the KYC service (which reads at most limit + 1) can
        // answer an oversized document with its own DOCUMENT_INVALID after reading it whole.
        return upload && "PUT".equals(request.getMethod()) ? maxDocument + maxBody : maxBody;
    }

    @Override
    protected void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
