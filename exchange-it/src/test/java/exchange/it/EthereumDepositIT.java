package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import exchange.it.support.ChainRpc;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Seed 3.2 on a real Ethereum dev node: Ether and ERC-20 payments to a user's deposit address are
 * seen pending, credited once after the asset's confirmations (3), never twice on a re-scan; a
 * payment whose block a reorg removes is dropped; one below the minimum is never credited.
 */
class EthereumDepositIT {
    /** The dev chain's TestUSDT (6 decimals), deployed by the chain nodes' start. */
    private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void etherAndTokenDepositsAreCreditedOnceAfterConfirmations() {
        Users.Trader trader = Users.register("eth-deposit");
        String address = depositAddress(trader, "ETH");

        String tx = send(1, address, new BigInteger("500000000000000000")); // 0.5 ETH
        JsonObject pending = Eventually.get(WAIT, () -> deposit(trader, tx));
        assertEquals("PENDING", pending.getString("status"));
        assertEquals(0, new BigDecimal("0.5").compareTo(pending.getJsonNumber("amount").bigDecimalValue()));
        assertEquals(0, available(trader, "ETH").signum(), "nothing credited before 3 confirmations");

        mine(2);
        Eventually.holds(WAIT, "credited after 3 confirmations", () -> "CREDITED".equals(deposit(trader, tx).getString("status")));
        assertEquals(0, new BigDecimal("0.5").compareTo(available(trader, "ETH")));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE user_id = ? AND biz_type = 'DEPOSIT'",
                trader.id()));

        // ERC-20: a Transfer log to the same address (a mint from the zero address here).
        String mint = call(0, TOKEN, "0x40c10f19" + word(address.substring(2)) + word(new BigInteger("250000000").toString(16)));
        JsonObject token = Eventually.get(WAIT, () -> deposit(trader, mint));
        assertEquals("USDT", token.getString("asset"));
        assertEquals(0, new BigDecimal("250").compareTo(token.getJsonNumber("amount").bigDecimalValue()));
        mine(2);
        Eventually.holds(WAIT, "token credited", () -> "CREDITED".equals(deposit(trader, mint).getString("status")));
        assertEquals(0, new BigDecimal("250").compareTo(available(trader, "USDT")));

        // Below the minimum (0.001 ETH): recorded, never credited.
        String dust = send(1, address, new BigInteger("100000000000000")); // 0.0001 ETH
        mine(3);
        Eventually.holds(WAIT, "dust seen", () -> deposit(trader, dust) != null);
        assertEquals("BELOW_MINIMUM", deposit(trader, dust).getString("status"));

        // A re-scan from before the deposit (as after restoring an older cursor) credits nothing again.
        long depositHeight = deposit(trader, tx).getJsonNumber("blockHeight").longValue();
        long head = ethHead();
        Db.update("UPDATE exchange_wallet.chain_cursors c JOIN exchange_wallet.chain_blocks b ON b.chain = c.chain AND b.height = ?"
                + " SET c.height = b.height, c.block_hash = b.block_hash WHERE c.chain = 'ETH'", depositHeight - 1);
        Eventually.holds(WAIT, "re-scanned", () -> Db.count("SELECT height FROM exchange_wallet.chain_cursors WHERE chain = 'ETH'") >= head);
        assertEquals(0, new BigDecimal("0.5").compareTo(available(trader, "ETH")));
        assertEquals(0, new BigDecimal("250").compareTo(available(trader, "USDT")));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.deposits WHERE tx_hash = ?", tx));
    }

    @Test
    void aDepositWhoseBlockLeavesTheChainIsDropped() {
        Users.Trader trader = Users.register("eth-reorg");
        String address = depositAddress(trader, "ETH");
        String snapshot = ChainRpc.ethereum("evm_snapshot").toString().replace("\"", "");
        String tx = send(2, address, new BigInteger("700000000000000000"));
        Eventually.holds(WAIT, "seen pending", () -> deposit(trader, tx) != null);

        // Back to before the payment, then a longer chain without it: what a reorg looks like.
        ChainRpc.ethereum("evm_revert", snapshot);
        mine(4);
        Eventually.holds(WAIT, "dropped", () -> "DROPPED".equals(deposit(trader, tx).getString("status")));
        mine(3);
        long head = ethHead();
        Eventually.holds(WAIT, "scanned past", () -> Db.count("SELECT height FROM exchange_wallet.chain_cursors WHERE chain = 'ETH'") >= head);
        assertEquals("DROPPED", deposit(trader, tx).getString("status"));
        assertEquals(0, available(trader, "ETH").signum());
    }

    static String depositAddress(Users.Trader trader, String asset) {
        Api.Reply reply = Api.post("/api/wallet/recharge/apply", "{\"asset\":\"" + asset + "\"}", trader.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("address");
    }

    private static JsonObject deposit(Users.Trader trader, String txHash) {
        Api.Reply reply = Api.get("/api/wallet/recharge/history", trader.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("txHash").equalsIgnoreCase(txHash)).findFirst().orElse(null);
    }

    private static BigDecimal available(Users.Trader trader, String asset) {
        return Api.get("/api/wallet/accounts", trader.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("asset").equals(asset)).findFirst().orElseThrow()
                .getJsonNumber("available").bigDecimalValue();
    }

    private static String account(int i) {
        return ChainRpc.ethereum("eth_accounts").asJsonArray().getString(i);
    }

    private static String send(int from, String to, BigInteger wei) {
        return ChainRpc.ethereum("eth_sendTransaction", Json.createObjectBuilder().add("from", account(from)).add("to", to)
                .add("value", "0x" + wei.toString(16)).add("gas", "0x5208").build()).toString().replace("\"", "");
    }

    private static String call(int from, String contract, String data) {
        return ChainRpc.ethereum("eth_sendTransaction", Json.createObjectBuilder().add("from", account(from)).add("to", contract)
                .add("data", data).add("gas", "0x30000").build()).toString().replace("\"", "");
    }

    private static void mine(int blocks) {
        for (int i = 0; i < blocks; i++) {
            ChainRpc.ethereum("evm_mine");
        }
    }

    private static long ethHead() {
        return Long.parseLong(ChainRpc.ethereum("eth_blockNumber").toString().replace("\"", "").substring(2), 16);
    }

    private static String word(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        return "0".repeat(64 - h.length()) + h;
    }
}
