package exchange.web.binance;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.ApiKeys;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance's signed requests: {@code X-MBX-APIKEY}; {@code timestamp} (ms) and {@code recvWindow}
 * (default 5000, at most 60000) with the server's clock inside; {@code signature}, the hex
 * HMAC-SHA256 of the query string followed by the form body, each without the signature itself.
 * The key's permission and IP whitelist are checked by the user service, which holds the secret.
 */
@Provider
@Signed
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SignedRequestFilter implements ContainerRequestFilter {
    static final String KEY = SignedRequestFilter.class.getName() + ".key";
    static final String PARAMS = SignedRequestFilter.class.getName() + ".params";
    private static final long DEFAULT_WINDOW = 5000;
    private static final long MAX_WINDOW = 60_000;

    @EJB
    private ApiKeys keys;
    @Inject
    private HttpServletRequest http;
    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        // The key's shape is checked before the body is read; the body itself is bounded by ApiGate.
        String apiKey = ctx.getHeaderString("X-MBX-APIKEY");
        if (apiKey == null || !apiKey.matches("[A-Za-z0-9]{64}")) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, "API-key format invalid.");
        }
        String query = ctx.getUriInfo().getRequestUri().getRawQuery();
        String body = "";
        if (ctx.hasEntity()) {
            byte[] bytes = ctx.getEntityStream().readAllBytes();
            body = new String(bytes, StandardCharsets.UTF_8);
            ctx.setEntityStream(new ByteArrayInputStream(bytes));
        }
        Map<String, String> params = new LinkedHashMap<>();
        List<String> signed = new ArrayList<>(2);
        String signature = null;
        for (String part : new String[] {query == null ? "" : query, body}) {
            List<String> kept = new ArrayList<>();
            for (String pair : part.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name.equals("signature")) {
                    signature = value;
                } else {
                    kept.add(pair);
                    params.putIfAbsent(name, value);
                }
            }
            signed.add(String.join("&", kept));
        }
        if (signature == null) {
            throw new BinanceError(-1102, 400, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        checkTime(params.get("timestamp"), params.get("recvWindow"));
        Signed needed = resource.getResourceMethod().getAnnotation(Signed.class);
        ApiKeys.Verified key = keys.verify(apiKey, signed.get(0) + signed.get(1), signature, exchange.api.web.ClientAddress.of(http),
                needed == null ? ApiKeys.Permission.READ : needed.value());
        http.setAttribute(KEY, key);
        http.setAttribute(PARAMS, params);
    }

    /** Binance's rule: timestamp < serverTime + 1000 and serverTime - timestamp <= recvWindow. */
    public static void checkTime(String timestamp, String recvWindow) {
        if (timestamp == null || !timestamp.matches("\\d{1,15}")) {
            throw new BinanceError(-1102, 400, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        }
        long window = DEFAULT_WINDOW;
        if (recvWindow != null) {
            if (!recvWindow.matches("\\d{1,6}") || Long.parseLong(recvWindow) > MAX_WINDOW) {
                throw new BinanceError(-1131, 400, "recvWindow must be less than 60000");
            }
            window = Long.parseLong(recvWindow);
        }
        long now = System.currentTimeMillis();
        long at = Long.parseLong(timestamp);
        if (at >= now + 1000 || now - at > window) {
            throw new BusinessException(ErrorCode.TIMESTAMP_OUTSIDE_RECV_WINDOW, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    /** A malformed escape ({@code %zz}, a lone {@code %}) is the client's error: Binance's -1100, not a 500. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BinanceError(-1100, 400, "Illegal characters found in a parameter.");
        }
    }
}
