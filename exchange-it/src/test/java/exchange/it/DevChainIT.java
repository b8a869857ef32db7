package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.ChainRpc;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The Ethereum dev node takes transactions sent at the same moment, as a real node does: ganache
 * alone wedged the sender of one of them for good (its transaction pending, never mined), which
 * left a chaos run's withdrawals unfinished behind the hot wallet's stuck nonce. ganache-serial.js
 * queues submissions; plain ganache fails this in the first rounds.
 */
class DevChainIT {
    private static final String SINK = "0x000000000000000000000000000000000000dead";

    @Test
    void transactionsSentTogetherAreAllMined() throws Exception {
        List<String> accounts = ChainRpc.ethereum("eth_accounts").asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        String signer = accounts.get(8);
        String other = accounts.get(9);
        List<String> problems = new ArrayList<>();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                String nonce = string(ChainRpc.ethereum("eth_getTransactionCount", signer, "pending"));
                // A raw transaction with its own nonce, as the exchange's hot wallet sends them.
                JsonObject tx = Json.createObjectBuilder().add("from", signer).add("to", SINK).add("value", "0x1")
                        .add("nonce", nonce).add("gas", "0x5208").add("gasPrice", "0x77359400").build();
                String raw = string(ChainRpc.ethereum("eth_signTransaction", tx));
                CompletableFuture<?> paid = CompletableFuture.runAsync(() -> ChainRpc.ethereum("eth_sendTransaction",
                        Json.createObjectBuilder().add("from", other).add("to", SINK).add("value", "0x1").build()), two);
                CompletableFuture<?> sent = CompletableFuture.runAsync(() -> ChainRpc.ethereum("eth_sendRawTransaction", raw), two);
                for (CompletableFuture<?> f : List.of(paid, sent)) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        problems.add("round " + round + ": " + e.getCause().getMessage());
                    }
                }
                ChainRpc.ethereum("evm_mine");
                long mined = Long.decode(string(ChainRpc.ethereum("eth_getTransactionCount", signer, "latest")));
                if (mined <= Long.decode(nonce)) {
                    problems.add("round " + round + ": nonce " + Long.decode(nonce) + " never mined");
                    break;
                }
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(List.of(), problems);
    }

    private static String string(jakarta.json.JsonValue v) {
        return ((JsonString) v).getString();
    }
}
