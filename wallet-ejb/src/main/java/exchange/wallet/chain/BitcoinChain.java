package exchange.wallet.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bitcoin through bitcoind's JSON-RPC (Bitcoin Core in production, the patched bcoin in dev): every
 * output of every transaction of a block, so several outputs to deposit addresses in one
 * transaction are several deposits. HTTP/1.1 only: bcoin does not answer an HTTP/2 upgrade.
 */
@ApplicationScoped
public class BitcoinChain implements DepositChain {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "exchange.wallet.btc.rpc-url", defaultValue = "http://127.0.0.1:18443/")
    String url;
    @Inject
    @ConfigProperty(name = "exchange.wallet.btc.rpc-user", defaultValue = "exchange")
    String user;
    @Inject
    @ConfigProperty(name = "exchange.wallet.btc.rpc-password")
    Optional<String> password;
    /** Bitcoin Core takes {@code getblock hash 2}; bcoin takes {@code getblock hash true true}. */
    private volatile Boolean verbosityNumbers;

    @Override
    public String chain() {
        return "BTC";
    }

    @Override
    public String normalize(String address) {
        return address;
    }

    @Override
    public long head() {
        return ((JsonNumber) call("getblockcount")).longValue();
    }

    @Override
    public String hashAt(long height) {
        return ((JsonString) call("getblockhash", height)).getString();
    }

    @Override
    public Block block(long height) {
        String hash = hashAt(height);
        JsonObject block = detailedBlock(hash);
        List<Payment> payments = new ArrayList<>();
        for (JsonValue t : block.getJsonArray("tx")) {
            JsonObject tx = t.asJsonObject();
            for (JsonValue o : tx.getJsonArray("vout")) {
                JsonObject out = o.asJsonObject();
                String address = address(out.getJsonObject("scriptPubKey"));
                if (address != null) {
                    payments.add(new Payment(tx.getString("txid"), out.getInt("n"), address, "BTC",
                            out.getJsonNumber("value").bigDecimalValue()));
                }
            }
        }
        JsonValue previous = block.get("previousblockhash");
        return new Block(height, block.getString("hash"),
                previous instanceof JsonString s ? s.getString() : null, payments);
    }

    private JsonObject detailedBlock(String hash) {
        if (verbosityNumbers == null || verbosityNumbers) {
            try {
                JsonObject block = call("getblock", hash, 2).asJsonObject();
                verbosityNumbers = true;
                return block;
            } catch (ChainUnavailableException e) {
                if (Boolean.TRUE.equals(verbosityNumbers)) {
                    throw e;
                }
                verbosityNumbers = false;
            }
        }
        return call("getblock", hash, true, true).asJsonObject();
    }

    /** Core 22+ gives one {@code address}; older Core and bcoin give an {@code addresses} array. */
    private static String address(JsonObject script) {
        if (script == null) {
            return null;
        }
        if (script.get("address") instanceof JsonString s) {
            return s.getString();
        }
        if (script.containsKey("addresses") && script.getJsonArray("addresses").size() == 1) {
            return script.getJsonArray("addresses").getString(0);
        }
        return null;
    }

    private JsonValue call(String method, Object... params) {
        JsonArrayBuilder args = Json.createArrayBuilder();
        for (Object p : params) {
            if (p instanceof Boolean b) {
                args.add(b);
            } else if (p instanceof Number n) {
                args.add(n.longValue());
            } else {
                args.add(String.valueOf(p));
            }
        }
        String body = Json.createObjectBuilder().add("jsonrpc", "1.0").add("id", method).add("method", method)
                .add("params", args).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        password.ifPresent(p -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + p).getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChainUnavailableException("BTC node unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted", e);
        }
        if (response.body() == null || response.body().isBlank()) {
            throw new ChainUnavailableException("BTC node answered HTTP " + response.statusCode() + " to " + method);
        }
        JsonObject reply;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            reply = reader.readObject();
        } catch (RuntimeException e) {
            throw new ChainUnavailableException("BTC node sent no JSON to " + method + ": HTTP " + response.statusCode());
        }
        // Core reports errors with HTTP 500, bcoin with 200: the body decides.
        JsonValue error = reply.get("error");
        if (error != null && error.getValueType() != JsonValue.ValueType.NULL) {
            throw new ChainUnavailableException("BTC node error on " + method + ": " + error);
        }
        return reply.get("result");
    }
}
