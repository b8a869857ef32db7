package exchange.devinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text-message sink for development and tests, beside the mailbox: {@code POST /sms} with
 * {@code {"to":…,"text":…}} keeps the message (what the exchange's SMS gateway sends),
 * {@code GET /sms?to=+49…} lists the messages to that number as JSON, {@code DELETE /sms} empties it.
 */
final class DevSms {
    private static final Pattern FIELD = Pattern.compile("\"(to|text)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final List<String[]> messages = new ArrayList<>();

    static void attach(HttpServer http) {
        DevSms sms = new DevSms();
        http.createContext("/sms", sms::handle);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            switch (ex.getRequestMethod()) {
                case "POST" -> {
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String to = null;
                    String text = null;
                    Matcher m = FIELD.matcher(body);
                    while (m.find()) {
                        String value = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
                        if (m.group(1).equals("to")) {
                            to = value;
                        } else {
                            text = value;
                        }
                    }
                    if (to == null || text == null) {
                        DevMail.respond(ex, 400, "{\"error\":\"to and text are needed\"}");
                        return;
                    }
                    synchronized (messages) {
                        messages.add(new String[] {to, text, Instant.now().toString()});
                    }
                    DevMail.respond(ex, 202, "{}");
                }
                case "DELETE" -> {
                    synchronized (messages) {
                        messages.clear();
                    }
                    DevMail.respond(ex, 204, "");
                }
                default -> {
                    String to = DevMail.queryParam(ex, "to");
                    List<String> items = new ArrayList<>();
                    synchronized (messages) {
                        for (String[] m : messages) {
                            if (to == null || m[0].equals(to)) {
                                items.add("{\"to\":" + DevMail.quote(m[0]) + ",\"text\":" + DevMail.quote(m[1])
                                        + ",\"receivedAt\":" + DevMail.quote(m[2]) + "}");
                            }
                        }
                    }
                    DevMail.respond(ex, 200, "[" + String.join(",", items) + "]");
                }
            }
        }
    }
}
