package exchange.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dev SMTP server's inbox and the dev SMS sink, read over their HTTP endpoint. */
public final class Mailbox {
    private static final String BASE = System.getProperty("exchange.mailbox-url", "http://127.0.0.1:8025");
    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    private Mailbox() {
    }

    public static JsonArray messagesTo(String email) {
        return list("/mailbox?to=", email);
    }

    public static JsonArray textsTo(String phone) {
        return list("/sms?to=", phone);
    }

    /** The code in the newest text message to this number, waiting for it to arrive. */
    public static String latestTextCode(String phone) {
        return Eventually.get(Duration.ofSeconds(10), () -> {
            JsonArray texts = textsTo(phone);
            if (texts.isEmpty()) {
                return null;
            }
            Matcher m = CODE.matcher(texts.getJsonObject(texts.size() - 1).getString("text"));
            return m.find() ? m.group(1) : null;
        });
    }

    private static JsonArray list(String path, String to) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(BASE + path + URLEncoder.encode(to, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return (JsonArray) Api.parse(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code in the newest mail to this address, waiting for it to arrive. */
    public static String latestCode(String email) {
        return Eventually.get(Duration.ofSeconds(10), () -> {
            JsonArray messages = messagesTo(email);
            if (messages.isEmpty()) {
                return null;
            }
            Matcher m = CODE.matcher(messages.getJsonObject(messages.size() - 1).getString("body"));
            return m.find() ? m.group(1) : null;
        });
    }

    public static JsonObject latest(String email) {
        JsonArray messages = messagesTo(email);
        return messages.isEmpty() ? null : messages.getJsonObject(messages.size() - 1);
    }
}
