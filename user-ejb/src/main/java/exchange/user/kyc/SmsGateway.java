package exchange.user.kyc;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Text messages out through an HTTP gateway: a JSON {@code {"to":"+49…","text":"…"}} POSTed to
 * {@code exchange.sms.url} (a provider's adapter in production; the dev services' SMS sink,
 * readable at {@code GET /sms?to=}, in development and tests).
 */
@ApplicationScoped
public class SmsGateway {
    private static final Logger LOG = Logger.getLogger(SmsGateway.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    @Inject
    @ConfigProperty(name = "exchange.sms.url", defaultValue = "http://127.0.0.1:8025/sms")
    String url;

    public void send(String phone, String text) {
        String body = JSON.createObjectBuilder().add("to", phone).add("text", text).build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new IOException("SMS gateway answered " + r.statusCode());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "SMS to " + phone + " not sent", e);
            throw new BusinessException(ErrorCode.SMS_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException(ErrorCode.SMS_UNAVAILABLE);
        }
    }
}
