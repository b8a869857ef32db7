package exchange.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * JSON-RPC to the dev chain nodes the build starts: ganache (Ethereum) and bcoin (Bitcoin regtest).
 * HTTP/1.1 only: bcoin does not answer an HTTP/2 upgrade. Errors arrive with HTTP 200 from bcoin,
 * so every call checks the body's {@code error}.
 */
public final class ChainRpc {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BITCOIN = System.getProperty("exchange.bitcoin-rpc", "http://127.0.0.1:18443/");
    private static final String BITCOIN_WALLET = System.getProperty("exchange.bitcoin-wallet-rpc", "http://127.0.0.1:18445/");
    private static final String ETHEREUM = System.getProperty("exchange.ethereum-rpc", "http://127.0.0.1:8545/");
    private static final String BITCOIN_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString(("x:" + System.getProperty("exchange.bitcoin-api-key", "exchange-dev")).getBytes(StandardCharsets.UTF_8));

    private ChainRpc() {
    }

    public static JsonValue bitcoin(String method, Object... params) {
        return call(BITCOIN, BITCOIN_AUTH, method, params);
    }

    /** The dev node's own wallet (bcoin's wallet RPC): the faucet tests pay deposits from. */
    public static JsonValue bitcoinWallet(String method, Object... params) {
        return call(BITCOIN_WALLET, BITCOIN_AUTH, method, params);
    }

    public static JsonValue ethereum(String method, Object... params) {
        return call(ETHEREUM, null, method, params);
    }

    private static JsonValue call(String url, String auth, String method, Object... params) {
        JsonArrayBuilder args = Json.createArrayBuilder();
        for (Object p : params) {
            if (p instanceof JsonValue v) {
                args.add(v);
            } else if (p instanceof Number n) {
                args.add(n.longValue());
            } else if (p instanceof Boolean b) {
                args.add(b);
            } else {
                args.add(String.valueOf(p));
            }
        }
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 1).add("method", method)
                .add("params", args).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject reply = Api.parse(response.body()).asJsonObject();
            if (reply.containsKey("error") && reply.get("error").getValueType() != JsonValue.ValueType.NULL) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
