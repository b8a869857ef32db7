package exchange.devinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification sink for Alertmanager, beside the mailbox (issue #17): its webhook receiver
 * {@code POST}s each notification here (Alertmanager's webhook JSON, version 4, for firing and
 * resolved groups alike); {@code GET /alerts} lists them as a JSON array, oldest first, so a person
 * or a test sees what on-call would have been woken by; {@code DELETE /alerts} empties it.
 */
final class DevAlerts {
    /** Bounded: an alert repeating all day must not grow the dev services without end. */
    private static final int KEPT = 1000;
    private static final int MAX_BODY = 1 << 20;
    private final List<String> notifications = new ArrayList<>();

    static void attach(HttpServer http) {
        DevAlerts alerts = new DevAlerts();
        http.createContext("/alerts", alerts::handle);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            switch (ex.getRequestMethod()) {
                case "POST" -> {
                    byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
                    String json = new String(body, StandardCharsets.UTF_8).trim();
                    if (body.length > MAX_BODY || !json.startsWith("{")) {
                        DevMail.respond(ex, 400, "{\"error\":\"a JSON object of at most 1 MiB is expected\"}");
                        return;
                    }
                    synchronized (notifications) {
                        notifications.add(json);
                        if (notifications.size() > KEPT) {
                            notifications.remove(0);
                        }
                    }
                    DevMail.respond(ex, 200, "{}");
                }
                case "DELETE" -> {
                    synchronized (notifications) {
                        notifications.clear();
                    }
                    DevMail.respond(ex, 204, "");
                }
                default -> {
                    synchronized (notifications) {
                        DevMail.respond(ex, 200, "[" + String.join(",", notifications) + "]");
                    }
                }
            }
        }
    }
}
