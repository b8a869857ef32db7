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
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Bitcoin through bitcoind's JSON-RPC (Bitcoin Core in production, the patched bcoin in dev): every
 * output of every transaction of a block, so several outputs to deposit addresses in one
 * transaction are several deposits. HTTP/1.1 only: bcoin does not answer an HTTP/2 upgrade.
 */
@ApplicationScoped
public class BitcoinChain implements DepositChain, WithdrawChain {
    /** Bitcoin Core's "transaction already in block chain". */
    private static final int RPC_VERIFY_ALREADY_IN_CHAIN = -27;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(NODE_HTTP_TIMEOUT_MS)).build();

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

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public long head() {
        return ((JsonNumber) call("getblockcount")).longValue();
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public String hashAt(long height) {
        return ((JsonString) call("getblockhash", height)).getString();
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
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

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public void broadcast(String rawTransaction, String txHash) {
        try {
            call("sendrawtransaction", rawTransaction);
        } catch (NodeError e) {
            if (e.code == RPC_VERIFY_ALREADY_IN_CHAIN || lookup(txHash).state() != State.UNKNOWN) {
                return; // our own earlier send of this very transaction
            }
            throw new TransactionRefusedException("BTC node refused " + txHash + ": " + e.getMessage());
        }
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public Sent lookup(String txHash) {
        JsonObject tx;
        try {
            tx = call("getrawtransaction", txHash, 1).asJsonObject();
        } catch (NodeError e) {
            return Sent.UNKNOWN; // -5: neither in the mempool nor in the chain
        }
        long confirmations = tx.get("confirmations") instanceof JsonNumber n ? n.longValue() : 0;
        if (confirmations <= 0) {
            return Sent.PENDING;
        }
        return new Sent(State.MINED, head() - confirmations + 1, confirmations);
    }

    /** Whether a block of the node's chain spent this output (mempool spends do not count). */
    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class})
    public boolean spentInChain(String txHash, long index) {
        // gettxout without the mempool: null once a block spent it. Our outputs came from
        // confirmed transactions we saw, so "not there" means spent, not "never existed".
        try {
            JsonValue out = call("gettxout", txHash, index, false);
            return out == null || out.getValueType() != JsonValue.ValueType.OBJECT;
        } catch (NodeError e) {
            return false;
        }
    }

    /** Whether the node holds this output unspent (mempool spends count as spent). */
    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class})
    public boolean unspent(String txHash, long index) {
        try {
            JsonValue out = call("gettxout", txHash, index, true);
            return out != null && out.getValueType() == JsonValue.ValueType.OBJECT;
        } catch (NodeError e) {
            return false;
        }
    }

    /** The node's fee estimate in satoshis per virtual byte, empty when it has none (regtest, a young node). */
    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    public Optional<Long> estimatedFeeRate(int blocks) {
        try {
            JsonValue rate = call("estimatesmartfee", blocks).asJsonObject().get("feerate");
            if (rate instanceof JsonNumber n && n.bigDecimalValue().signum() > 0) {
                // BTC per 1000 virtual bytes → satoshis per virtual byte
                return Optional.of(n.bigDecimalValue().movePointRight(5).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
            }
        } catch (NodeError | ClassCastException e) {
            // no estimate: the caller's configured rate applies
        }
        return Optional.empty();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(NODE_HTTP_TIMEOUT_MS))
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
            int code = error instanceof JsonObject o && o.get("code") instanceof JsonNumber n ? n.intValue() : 0;
            String message = error instanceof JsonObject o && o.get("message") instanceof JsonString m ? m.getString() : error.toString();
            throw new NodeError(method, code, message);
        }
        return reply.get("result");
    }

    /** The node answered, with an error: the call's fault, not the node's. */
    static final class NodeError extends ChainUnavailableException {
        final int code;

        NodeError(String method, int code, String message) {
            super("BTC node error on " + method + ": " + code + " " + message);
            this.code = code;
        }
    }
}
