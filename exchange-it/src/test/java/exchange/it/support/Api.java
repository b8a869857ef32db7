package exchange.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client against the deployed exchange. */
public final class Api {
    public static final String BASE = System.getProperty("exchange.base-url", "http://127.0.0.1:8080");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public record Reply(int status, String body) {
        public JsonObject json() {
            return (JsonObject) parse(body);
        }

        public JsonStructure structure() {
            return parse(body);
        }

        public String errorCode() {
            return json().getString("code");
        }
    }

    public static Reply post(String path, String jsonBody) {
        return post(path, jsonBody, null);
    }

    public static Reply post(String path, String jsonBody, String token) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(b.build());
    }

    public static Reply put(String path, String jsonBody, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    public static Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public static Reply get(String path) {
        return get(path, null);
    }

    public static Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** A call with Binance's API-key header and no body, as its user-stream endpoints take it. */
    public static Reply withApiKey(String method, String path, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            b.header("X-MBX-APIKEY", apiKey);
        }
        return send(b.build());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    public static JsonStructure parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    /** A JSON object literal from alternating keys and string values. */
    public static String obj(String... keyValues) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            b.add(keyValues[i], keyValues[i + 1]);
        }
        return b.build().toString();
    }
}
