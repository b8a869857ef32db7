package exchange.it.support;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The monitoring that {@code ./exchange} starts (issue #17): PromQL against the real Prometheus, and
 * the notifications Alertmanager delivered to the dev services' sink ({@code /alerts} beside the
 * mailbox).
 */
public final class Monitoring {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PROMETHEUS = System.getProperty("exchange.prometheus-url", "http://127.0.0.1:9090");
    private static final String SINK = System.getProperty("exchange.mailbox-url", "http://127.0.0.1:8025") + "/alerts";

    private Monitoring() {
    }

    /** An instant query's result vector: each element has {@code metric} (labels) and {@code value}. */
    public static List<JsonObject> query(String promql) {
        JsonObject reply = Api.parse(get(PROMETHEUS + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .asJsonObject();
        if (!"success".equals(reply.getString("status"))) {
            throw new IllegalStateException(promql + ": " + reply);
        }
        return reply.getJsonObject("data").getJsonArray("result").getValuesAs(JsonObject.class);
    }

    /** The names of the alerting rules Prometheus has loaded. */
    public static java.util.Set<String> alertRules() {
        JsonObject reply = Api.parse(get(PROMETHEUS + "/api/v1/rules?type=alert")).asJsonObject();
        return reply.getJsonObject("data").getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("rules").getValuesAs(JsonObject.class).stream())
                .map(r -> r.getString("name")).collect(java.util.stream.Collectors.toSet());
    }

    /** Empties the sink, so what a test then finds was sent after this. */
    public static void clearNotifications() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SINK)).timeout(Duration.ofSeconds(10)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                throw new IllegalStateException(SINK + " answered " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(SINK + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sum of a metric's values over the series whose label text contains {@code labels}, as the
     * exchange answers {@code /metrics} now (not as Prometheus last scraped it).
     */
    public static double scrapeNow(String metric, String labels) {
        double sum = 0;
        for (String line : get(Api.BASE + "/metrics?scope=application").split("\n")) {
            if (line.startsWith(metric + "{") && line.contains(labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Every notification the sink holds, oldest first (Alertmanager's webhook JSON). */
    public static List<JsonObject> notifications() {
        return Api.parse(get(SINK)).asJsonArray().getValuesAs(JsonObject.class);
    }

    /**
     * Whether a notification after the first {@code skip} carries an alert of that name, with that
     * chain label, in that status ({@code firing} or {@code resolved}).
     */
    public static boolean notified(int skip, String alertname, String chain, String status) {
        List<JsonObject> all = notifications();
        return all.subList(Math.min(skip, all.size()), all.size()).stream()
                .map(n -> n.getJsonArray("alerts")).flatMap(a -> a.getValuesAs(JsonObject.class).stream())
                .anyMatch(a -> status.equals(a.getString("status")) && alertname.equals(a.getJsonObject("labels").getString("alertname", ""))
                        && chain.equals(a.getJsonObject("labels").getString("chain", "")));
    }

    private static String get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For a message: the labels of each element of a result. */
    public static String describe(List<JsonObject> result) {
        return result.stream().map(o -> o.getJsonObject("metric").toString() + "=" + o.getJsonArray("value").get(1)).toList().toString();
    }
}
