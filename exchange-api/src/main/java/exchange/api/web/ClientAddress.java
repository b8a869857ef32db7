package exchange.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The one rule for who the client is, decided once per request by {@link RequestGate} and read by
 * everything that decides on it (rate limits, API-key IP whitelists, sign-in history and limits):
 * the remote address, or, when the remote address is one of our own proxies
 * ({@code exchange.rate-limit.trusted-proxies}), the last address that proxy put before itself
 * in {@code X-Forwarded-For}. An address a client writes itself into the header is never taken
 * unless it came through a proxy we trust.
 */
public final class ClientAddress {
    static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    public static String resolve(String remoteAddress, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor != null && trustedProxies.contains(remoteAddress)) {
            String[] hops = forwardedFor.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty() && last.length() <= 45 && last.matches("[0-9A-Fa-f:.]+")) {
                return last;
            }
        }
        return remoteAddress;
    }

    /** The client of a request that passed the gate (its remote address otherwise). */
    public static String of(HttpServletRequest request) {
        Object resolved = request.getAttribute(ATTRIBUTE);
        return resolved instanceof String s ? s : request.getRemoteAddr();
    }

    static List<String> list(String commaSeparated) {
        return List.of(commaSeparated.trim().split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
    }
}
