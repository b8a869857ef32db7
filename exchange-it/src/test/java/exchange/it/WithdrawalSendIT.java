package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.ChainRpc;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 3.4, the sending half, on the real dev chains: approved withdrawals are signed by the hot
 * wallets, broadcast, followed to their confirmations and completed; the coins arrive at the
 * destination, once; frozen and available balances and the ledger are right at every step.
 */
class WithdrawalSendIT {
    private static final Duration CHAIN_WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    @Test
    void etherAndTokenWithdrawalsArriveOnChainOnce() {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("send-eth", admin, "ETH", "10");
        fund(t, "USDT", "3000", admin);
        String to = randomEthereumAddress();

        // Below the automatic limit: out at once.
        long ether = applied(t, "ETH", to, "0.5");
        assertEquals(0, new BigDecimal("0.501").compareTo(balance(t, "ETH", "frozen")), "amount and fee frozen at application");
        JsonObject done = completedMiningEthereum(t, ether);
        assertEquals(0, new BigDecimal("0.5").compareTo(etherBalance(to)), "0.5 ETH arrived");
        assertEquals(0, balance(t, "ETH", "frozen").signum());
        assertEquals(0, new BigDecimal("9.499").compareTo(balance(t, "ETH", "available")));
        assertTrue(done.getInt("confirmations") >= 3, done.toString());
        assertEquals("0x1", ChainRpc.ethereum("eth_getTransactionReceipt", done.getString("txHash")).asJsonObject().getString("status"));

        long token = applied(t, "USDT", to, "100");
        completedMiningEthereum(t, token);
        assertEquals(0, new BigDecimal("100").compareTo(tokenBalance(to)), "100 USDT arrived");
        assertEquals(0, new BigDecimal("2899").compareTo(balance(t, "USDT", "available")), "amount and the 1 USDT fee debited");

        // Above the token's automatic limit (1000 USDT): one approved and paid, one rejected and unfrozen.
        long approvedToken = applied(t, "USDT", to, "1200");
        long rejectedToken = applied(t, "USDT", to, "1100");
        assertEquals("PENDING_REVIEW", withdrawal(t, approvedToken).getString("status"));
        assertEquals(0, new BigDecimal("2302").compareTo(balance(t, "USDT", "frozen")));
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + rejectedToken + "/reject", "{\"reason\":\"test\"}", admin).status());
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + approvedToken + "/approve", "{}", admin).status());
        completedMiningEthereum(t, approvedToken);
        assertEquals(0, new BigDecimal("1300").compareTo(tokenBalance(to)), "1200 more USDT arrived, none of the rejected 1100");
        assertEquals(0, balance(t, "USDT", "frozen").signum());
        assertEquals(0, new BigDecimal("1698").compareTo(balance(t, "USDT", "available")));
        assertEquals("REJECTED", withdrawal(t, rejectedToken).getString("status"));

        // Above the automatic limit (5 ETH): nothing leaves before an operator approves.
        long large = applied(t, "ETH", to, "6");
        assertEquals("PENDING_REVIEW", withdrawal(t, large).getString("status"));
        assertEquals(0, new BigDecimal("0.5").compareTo(etherBalance(to)));
        Api.Reply approved = Api.post("/api/admin/wallet/withdrawals/" + large + "/approve", "{}", admin);
        assertEquals(200, approved.status(), approved.body());
        completedMiningEthereum(t, large);
        assertEquals(0, new BigDecimal("6.5").compareTo(etherBalance(to)));
        assertEquals(0, new BigDecimal("3.498").compareTo(balance(t, "ETH", "available")));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE biz_type = 'WITHDRAW_COMPLETED'"
                + " AND biz_id = ? AND user_id = ?", Long.toString(large), t.id()));
        ledgerHolds();
    }

    /** A transaction the chain lost (an evm_revert drops its block) is sent again, the same one: paid once. */
    @Test
    void aLostEthereumTransactionIsResentNotPaidTwice() {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("send-lost", admin, "ETH", "1");
        String to = randomEthereumAddress();
        String snapshot = ((jakarta.json.JsonString) ChainRpc.ethereum("evm_snapshot")).getString();
        long id = applied(t, "ETH", to, "0.2");
        String txHash = Eventually.get(CHAIN_WAIT, () -> {
            JsonObject w = withdrawal(t, id);
            return "BROADCAST".equals(w.getString("status")) ? w.getString("txHash") : null;
        });
        assertEquals(0, new BigDecimal("0.2").compareTo(etherBalance(to)), "mined at once by the dev node");
        assertEquals(JsonValue.TRUE, ChainRpc.ethereum("evm_revert", snapshot));
        assertEquals(JsonValue.NULL, ChainRpc.ethereum("eth_getTransactionReceipt", txHash), "the block is gone");
        assertEquals(0, etherBalance(to).signum());

        JsonObject done = completedMiningEthereum(t, id);
        assertEquals(txHash, done.getString("txHash"), "the very same transaction");
        assertEquals(0, new BigDecimal("0.2").compareTo(etherBalance(to)), "paid once");
        assertEquals(0, new BigDecimal("0.799").compareTo(balance(t, "ETH", "available")));
        ledgerHolds();
    }

    /**
     * A sent withdrawal whose confirmation timer never comes (a broker failover dropped the delayed
     * message) is not left frozen: the sender's pass sets a new timer once it has been quiet for
     * {@code exchange.wallet.withdraw.stale-check-ms} (20 s in dev). The timer is lost here by
     * moving the withdrawal's check count on, so the one in flight finds itself stale and stops.
     */
    @Test
    void aWithdrawalWhoseCheckTimerIsLostStillCompletes() {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("send-timer", admin, "ETH", "1");
        String to = randomEthereumAddress();
        long id = applied(t, "ETH", to, "0.3");
        Eventually.get(CHAIN_WAIT, () -> "BROADCAST".equals(withdrawal(t, id).getString("status")) ? id : null);
        assertEquals(1, Db.update("UPDATE exchange_wallet.withdrawals SET checks = checks + 1000 WHERE id = ? AND status = 'BROADCAST'", id),
                "still waiting for its confirmations (no block mined yet)");
        for (int i = 0; i < 3; i++) {
            ChainRpc.ethereum("evm_mine");
        }
        JsonObject done = Eventually.get(CHAIN_WAIT, () -> {
            JsonObject w = withdrawal(t, id);
            return "COMPLETED".equals(w.getString("status")) ? w : null;
        });
        assertTrue(done.getInt("confirmations") >= 3, done.toString());
        assertEquals(0, new BigDecimal("0.3").compareTo(etherBalance(to)), "paid once");
        assertEquals(0, new BigDecimal("0.699").compareTo(balance(t, "ETH", "available")));
        ledgerHolds();
    }

    @Test
    void bitcoinWithdrawalsAutomaticApprovedAndRejected() {
        String admin = Users.adminToken();
        String secondAdmin = Users.secondAdminToken(); // an operator older than the withdrawal it approves
        Users.Trader t = LedgerIT.fundedTrader("send-btc", admin, "BTC", "62");
        String to = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");

        // An output the table believes unspent but the node does not hold (a node restarted on
        // another chain leaves such rows): it is checked, skipped and forgotten, not signed.
        String ghost = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(32));
        Db.update("INSERT INTO exchange_wallet.hot_wallet_outputs (chain, tx_hash, output_index, amount, block_height, status)"
                + " VALUES ('BTC', ?, 0, 1, 0, 'UNSPENT')", ghost);
        long small = applied(t, "BTC", to, "0.3");
        assertEquals(0, new BigDecimal("0.3001").compareTo(balance(t, "BTC", "frozen")));
        JsonObject first = completedMiningBitcoin(t, small);
        assertEquals(List.of("0.3"), paidTo(first.getString("txHash"), to));
        assertEquals("SPENT", Db.string("SELECT status FROM exchange_wallet.hot_wallet_outputs WHERE tx_hash = ?", ghost));

        // 60 BTC is more than any one of the hot wallet's outputs (50 BTC payments and their change):
        // one transaction spends several.
        topUpBitcoinHotWallet(admin, new BigDecimal("61"));
        long large = applied(t, "BTC", to, "60");
        assertEquals("PENDING_REVIEW", withdrawal(t, large).getString("status"));
        long rejected = applied(t, "BTC", to, "1");
        assertEquals(0, new BigDecimal("61.0002").compareTo(balance(t, "BTC", "frozen")));
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + rejected + "/reject", "{\"reason\":\"test\"}", admin).status());
        assertEquals(0, new BigDecimal("60.0001").compareTo(balance(t, "BTC", "frozen")), "the rejected one unfrozen");
        // 60 BTC is at least BTC's four-eyes amount (1): a second, different operator approves too.
        JsonObject firstApproval = Api.post("/api/admin/wallet/withdrawals/" + large + "/approve", "{}", admin).json();
        assertEquals("PENDING_REVIEW", firstApproval.getString("status"), firstApproval.toString());
        assertEquals("admin@exchange.local", firstApproval.getString("firstApprovedBy"));
        Api.Reply sameAgain = Api.post("/api/admin/wallet/withdrawals/" + large + "/approve", "{}", admin);
        assertEquals(409, sameAgain.status(), sameAgain.body());
        assertEquals("FOUR_EYES_REQUIRED", sameAgain.errorCode());
        Api.Reply secondApproval = Api.post("/api/admin/wallet/withdrawals/" + large + "/approve", "{}", secondAdmin);
        assertEquals("APPROVED", secondApproval.json().getString("status"), secondApproval.body());
        JsonObject second = completedMiningBitcoin(t, large);
        assertEquals(List.of("60"), paidTo(second.getString("txHash"), to));
        assertTrue(ChainRpc.bitcoin("getrawtransaction", second.getString("txHash"), 1).asJsonObject()
                .getJsonArray("vin").size() >= 2, "both hot wallet outputs spent");

        assertEquals("REJECTED", withdrawal(t, rejected).getString("status"));
        assertEquals(0, balance(t, "BTC", "frozen").signum());
        assertEquals(0, new BigDecimal("1.6998").compareTo(balance(t, "BTC", "available")), "62 - 0.3001 - 60.0001");
        ledgerHolds();
    }

    @Test
    void operatorsSeeTheHotWallets() {
        String admin = Users.adminToken();
        Api.Reply r = Api.get("/api/admin/wallet/hot-wallets", admin);
        assertEquals(200, r.status(), r.body());
        List<JsonObject> wallets = r.structure().asJsonArray().getValuesAs(JsonObject.class);
        JsonObject eth = wallets.stream().filter(w -> w.getString("chain").equals("ETH")).findFirst().orElseThrow();
        JsonObject btc = wallets.stream().filter(w -> w.getString("chain").equals("BTC")).findFirst().orElseThrow();
        assertTrue(eth.getString("address").startsWith("0x"), eth.toString());
        assertTrue(btc.getString("address").startsWith("bcrt1q"), btc.toString());
        assertTrue(eth.getJsonObject("balances").getJsonNumber("ETH").bigDecimalValue().signum() > 0, eth.toString());
        assertTrue(eth.getJsonObject("balances").containsKey("USDT"), eth.toString());
        assertNotNull(btc.getJsonObject("balances").getJsonNumber("BTC"), btc.toString());
        assertEquals(403, Api.get("/api/admin/wallet/hot-wallets", Users.register("hot-peek").token()).status());
    }

    /**
     * Per asset, the ledger's chain accounts equal the business records: what left for the chains
     * is the sum of completed withdrawals, what arrived the sum of credited deposits; and all
     * accounts cancel out (users + fees = deposits − withdrawals ± adjustments).
     */
    static void ledgerHolds() {
        LedgerIT.everyAssetSumsToZero();
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts a WHERE a.user_id = -4 AND a.available <>"
                + " (SELECT COALESCE(SUM(w.amount), 0) FROM exchange_wallet.withdrawals w WHERE w.asset = a.asset AND w.status = 'COMPLETED')"));
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts a WHERE a.user_id = -3 AND -a.available <>"
                + " (SELECT COALESCE(SUM(d.amount), 0) FROM exchange_wallet.deposits d WHERE d.asset = a.asset AND d.status = 'CREDITED')"));
    }

    /** A dev chain that lived through earlier runs may have paid most of it out: the faucet refills it. */
    private static void topUpBitcoinHotWallet(String admin, BigDecimal atLeast) {
        JsonObject btc = Api.get("/api/admin/wallet/hot-wallets", admin).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(w -> w.getString("chain").equals("BTC")).findFirst().orElseThrow();
        if (btc.getJsonObject("balances").getJsonNumber("BTC").bigDecimalValue().compareTo(atLeast) >= 0) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            ChainRpc.bitcoinWallet("sendtoaddress", btc.getString("address"), 50);
        }
        String miner = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        ChainRpc.bitcoin("generatetoaddress", 1, miner);
        Eventually.holds(CHAIN_WAIT, "the scanner saw the top-up", () -> Api.get("/api/admin/wallet/hot-wallets", admin).structure()
                .asJsonArray().getValuesAs(JsonObject.class).stream().filter(w -> w.getString("chain").equals("BTC")).findFirst()
                .orElseThrow().getJsonObject("balances").getJsonNumber("BTC").bigDecimalValue().compareTo(atLeast) >= 0);
    }

    static JsonObject completedMiningEthereum(Users.Trader t, long id) {
        return Eventually.get(CHAIN_WAIT, () -> {
            JsonObject w = withdrawal(t, id);
            if ("COMPLETED".equals(w.getString("status"))) {
                return w;
            }
            ChainRpc.ethereum("evm_mine");
            return null;
        });
    }

    private static JsonObject completedMiningBitcoin(Users.Trader t, long id) {
        String miner = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        return Eventually.get(CHAIN_WAIT, () -> {
            JsonObject w = withdrawal(t, id);
            if ("COMPLETED".equals(w.getString("status"))) {
                return w;
            }
            ChainRpc.bitcoin("generatetoaddress", 1, miner);
            return null;
        });
    }

    /** The values of a transaction's outputs to an address, as the node reports them. */
    private static List<String> paidTo(String txHash, String address) {
        return ChainRpc.bitcoin("getrawtransaction", txHash, 1).asJsonObject().getJsonArray("vout").getValuesAs(JsonObject.class)
                .stream().filter(o -> address.equals(outputAddress(o.getJsonObject("scriptPubKey"))))
                .map(o -> o.getJsonNumber("value").bigDecimalValue().stripTrailingZeros().toPlainString()).toList();
    }

    private static String outputAddress(JsonObject script) {
        if (script.containsKey("address")) {
            return script.getString("address");
        }
        return script.containsKey("addresses") ? script.getJsonArray("addresses").getString(0) : null;
    }

    private static long applied(Users.Trader t, String asset, String address, String amount) {
        String body = Json.createObjectBuilder().add("asset", asset).add("address", address).add("amount", new BigDecimal(amount))
                .build().toString();
        Api.Reply r = Api.post("/api/wallet/withdraw/apply", body, t.token());
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    static JsonObject withdrawal(Users.Trader t, long id) {
        return Api.get("/api/wallet/withdraw/history?limit=100", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(w -> w.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    private static void fund(Users.Trader t, String asset, String amount, String admin) {
        Api.Reply r = Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(t.id(), asset, amount, null), admin);
        assertEquals(201, r.status(), r.body());
    }

    private static BigDecimal balance(Users.Trader t, String asset, String field) {
        return Api.get("/api/wallet/accounts", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("asset").equals(asset)).findFirst().orElseThrow().getJsonNumber(field).bigDecimalValue();
    }

    static String randomEthereumAddress() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    static BigDecimal etherBalance(String address) {
        return new BigDecimal(quantity(ChainRpc.ethereum("eth_getBalance", address, "latest"))).movePointLeft(18);
    }

    static BigDecimal tokenBalance(String address) {
        String call = "0x70a08231" + "0".repeat(24) + address.substring(2).toLowerCase();
        JsonObject tx = Json.createObjectBuilder().add("to", TOKEN).add("data", call).build();
        return new BigDecimal(quantity(ChainRpc.ethereum("eth_call", tx, "latest"))).movePointLeft(6);
    }

    private static BigInteger quantity(JsonValue hex) {
        String s = ((jakarta.json.JsonString) hex).getString().substring(2);
        return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s, 16);
    }
}
