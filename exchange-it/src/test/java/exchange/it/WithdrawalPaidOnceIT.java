package exchange.it;

import static exchange.it.WithdrawalSendIT.etherBalance;
import static exchange.it.WithdrawalSendIT.randomEthereumAddress;
import static exchange.it.WithdrawalSendIT.withdrawal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.ChainRpc;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Nothing is paid twice and nothing is paid that should not be, on the real dev chains: a signed
 * withdrawal our node refuses is stuck, not re-approvable, until the chain settles it (mined: it
 * completes; provably dead: it returns for review); nonces are never shared; a wallet frozen after
 * approval is not paid and the approval can be canceled; parallel applications cannot pass the
 * daily limit together.
 */
class WithdrawalPaidOnceIT {
    private static final Duration CHAIN_WAIT = Duration.ofSeconds(120);

    @Test
    void aRefusedResendIsStuckNotReapprovableAndCompletesOnceWhenAPeerMinesIt() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("paid-once", admin, "ETH", "2");
        String first = randomEthereumAddress();
        String second = randomEthereumAddress();
        String snapshot = ((JsonString) ChainRpc.ethereum("evm_snapshot")).getString();
        long w1 = applied(t, "ETH", first, "0.2");
        awaitStatus(t, w1, "BROADCAST");
        String original = Db.string("SELECT raw_tx FROM exchange_wallet.withdrawals WHERE id = ?", w1);
        assertEquals(0, new BigDecimal("0.2").compareTo(etherBalance(first)), "mined at once by the dev node");

        // The block goes (a reorg), and our node will refuse the re-send: as far as the exchange can
        // tell, its transaction may still be held by peers, so it must not be paid again.
        assertEquals(JsonValue.TRUE, ChainRpc.ethereum("evm_revert", snapshot));
        assertEquals(0, etherBalance(first).signum());
        Db.update("UPDATE exchange_wallet.withdrawals SET raw_tx = ? WHERE id = ?", refusedByOurNode(original), w1);
        awaitStatus(t, w1, "STUCK");
        Api.Reply reapprove = Api.post("/api/admin/wallet/withdrawals/" + w1 + "/approve", "{}", admin);
        assertEquals(409, reapprove.status(), "a stuck withdrawal is not in the approval queue: " + reapprove.body());
        assertTrue(Api.get("/api/admin/wallet/withdrawals/stuck", admin).body().contains("\"id\":" + w1));

        // A newer withdrawal never takes the nonce the stuck one holds.
        long w2 = applied(t, "ETH", second, "0.3");
        awaitStatus(t, w2, "BROADCAST");
        assertNotEquals(Db.string("SELECT nonce FROM exchange_wallet.withdrawals WHERE id = ?", w1),
                Db.string("SELECT nonce FROM exchange_wallet.withdrawals WHERE id = ?", w2));

        // A peer had it after all and it is mined: the withdrawal completes, once, with its own transaction.
        ChainRpc.ethereum("eth_sendRawTransaction", original);
        JsonObject done1 = completed(t, w1);
        JsonObject done2 = completed(t, w2);
        assertEquals(Db.string("SELECT tx_hash FROM exchange_wallet.withdrawals WHERE id = ?", w1), done1.getString("txHash"));
        assertEquals(0, new BigDecimal("0.2").compareTo(etherBalance(first)), "paid once");
        assertEquals(0, new BigDecimal("0.3").compareTo(etherBalance(second)), "paid once");
        assertEquals(0, new BigDecimal("1.498").compareTo(TradingIT.balance(t, "ETH", "available")));
        assertEquals(0, TradingIT.balance(t, "ETH", "frozen").signum());
        assertTrue(done2.getString("status").equals("COMPLETED"));
        WithdrawalSendIT.ledgerHolds();
    }

    @Test
    void aStuckWithdrawalReturnsForReviewOnlyOnceItsNonceIsMinedByAnotherTransactionOfOurs() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("dead-tx", admin, "ETH", "2");
        String to = randomEthereumAddress();
        String snapshot = ((JsonString) ChainRpc.ethereum("evm_snapshot")).getString();
        long w = applied(t, "ETH", to, "0.25");
        awaitStatus(t, w, "BROADCAST");
        long nonce = Long.parseLong(Db.string("SELECT nonce FROM exchange_wallet.withdrawals WHERE id = ?", w));
        String original = Db.string("SELECT raw_tx FROM exchange_wallet.withdrawals WHERE id = ?", w);
        assertEquals(JsonValue.TRUE, ChainRpc.ethereum("evm_revert", snapshot));
        Db.update("UPDATE exchange_wallet.withdrawals SET raw_tx = ? WHERE id = ?", refusedByOurNode(original), w);
        awaitStatus(t, w, "STUCK");

        // Another transaction of ours takes the nonce (an operator's zero-value cancel to ourselves):
        // once it has the asset's confirmations, the old one can never be mined.
        Credentials hot = hotKey();
        long chainId = chainId();
        BigInteger gasPrice = Numeric.decodeQuantity(((JsonString) ChainRpc.ethereum("eth_gasPrice")).getString());
        RawTransaction cancel = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce), gasPrice.multiply(BigInteger.TWO),
                BigInteger.valueOf(21_000), hot.getAddress(), BigInteger.ZERO);
        ChainRpc.ethereum("eth_sendRawTransaction", Numeric.toHexString(TransactionEncoder.signMessage(cancel, chainId, hot)));
        JsonObject back = Eventually.get(CHAIN_WAIT, () -> {
            JsonObject x = withdrawal(t, w);
            if ("PENDING_REVIEW".equals(x.getString("status"))) {
                return x;
            }
            ChainRpc.ethereum("evm_mine");
            return null;
        });
        assertTrue(back.getString("reason").contains("can never be mined"), back.toString());
        assertEquals(0, new BigDecimal("0.251").compareTo(TradingIT.balance(t, "ETH", "frozen")), "still frozen: nothing was paid");
        assertEquals(0, etherBalance(to).signum());

        Api.Reply approved = Api.post("/api/admin/wallet/withdrawals/" + w + "/approve", "{}", admin);
        assertEquals(200, approved.status(), approved.body());
        completed(t, w);
        assertEquals(0, new BigDecimal("0.25").compareTo(etherBalance(to)), "paid once, by a new transaction");
        assertEquals(0, TradingIT.balance(t, "ETH", "frozen").signum());
        WithdrawalSendIT.ledgerHolds();
    }

    @Test
    void aWalletFrozenAfterApprovalIsNotPaidAndTheApprovalCanBeCanceled() throws InterruptedException {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("frozen-approved", admin, "ETH", "10");
        String to = randomEthereumAddress();
        long w = applied(t, "ETH", to, "6"); // above the automatic limit: waits for review
        assertEquals("PENDING_REVIEW", withdrawal(t, w).getString("status"));
        // The sender pauses while the exchange is read-only: the approval and the freeze land in between.
        assertEquals(200, Api.put("/api/admin/operations/read-only", "{\"readOnly\":true}", admin).status());
        try {
            assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + w + "/approve", "{}", admin).status());
            assertEquals(200, Api.post("/api/admin/users/" + t.id() + "/wallet/freeze", "{\"reason\":\"investigation\"}", admin).status());
        } finally {
            assertEquals(200, Api.put("/api/admin/operations/read-only", "{\"readOnly\":false}", admin).status());
        }
        // Several sender passes later: still approved, nothing sent.
        long passes = System.currentTimeMillis() + 8_000;
        while (System.currentTimeMillis() < passes) {
            assertEquals("APPROVED", withdrawal(t, w).getString("status"));
            ChainRpc.ethereum("evm_mine");
            Thread.sleep(500);
        }
        assertEquals(0, etherBalance(to).signum());
        assertTrue(Api.get("/api/admin/wallet/withdrawals/approved", admin).body().contains("\"id\":" + w));

        assertEquals(400, Api.post("/api/admin/wallet/withdrawals/" + w + "/cancel", "{}", admin).status(), "a reason is required");
        Api.Reply canceled = Api.post("/api/admin/wallet/withdrawals/" + w + "/cancel", "{\"reason\":\"frozen by compliance\"}", admin);
        assertEquals(200, canceled.status(), canceled.body());
        assertEquals("CANCELED", canceled.json().getString("status"));
        assertEquals(0, TradingIT.balance(t, "ETH", "frozen").signum(), "released");
        assertEquals(0, new BigDecimal("10").compareTo(TradingIT.balance(t, "ETH", "available")));
        assertEquals(409, Api.post("/api/admin/wallet/withdrawals/" + w + "/cancel", "{\"reason\":\"again\"}", admin).status());
        assertEquals(1, Db.count("SELECT COUNT(DISTINCT biz_id) FROM exchange_wallet.balance_journal WHERE biz_type = 'WITHDRAW_CANCELED'"
                + " AND biz_id = ?", Long.toString(w)));
        assertEquals(200, Api.post("/api/admin/users/" + t.id() + "/wallet/unfreeze", "{\"reason\":\"cleared\"}", admin).status());
        WithdrawalSendIT.ledgerHolds();
    }

    @Test
    void parallelApplicationsCannotPassTheDailyLimitTogether() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("limit-race", admin, "BTC", "200"); // KYC level 0: 100 BTC a day
        String to = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(() -> Api.post("/api/wallet/withdraw/apply", Json.createObjectBuilder().add("asset", "BTC").add("address", to)
                        .add("amount", new BigDecimal("60")).build().toString(), t.token()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Reply> f : pool.invokeAll(calls)) {
                Api.Reply r = f.get();
                statuses.add(r.status());
                if (r.status() != 201) {
                    assertEquals("WITHDRAWAL_LIMIT_EXCEEDED", r.errorCode(), r.body());
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one within the limit: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, new BigDecimal("60.0001").compareTo(TradingIT.balance(t, "BTC", "frozen")));
    }

    /**
     * The same transaction signed for another chain: still ours and readable (the same sender and
     * nonce), but our node refuses it, as a node may refuse for reasons of its own.
     */
    private static String refusedByOurNode(String original) throws java.io.IOException {
        RawTransaction tx = org.web3j.crypto.TransactionDecoder.decode(original);
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId() + 1, hotKey()));
    }

    private static Credentials hotKey() throws java.io.IOException {
        return Credentials.create(Files.readString(Users.work().resolve("keys/eth-hot.key")).trim());
    }

    private static long chainId() {
        return Long.decode(((JsonString) ChainRpc.ethereum("eth_chainId")).getString());
    }

    private static long applied(Users.Trader t, String asset, String address, String amount) {
        Api.Reply r = Api.post("/api/wallet/withdraw/apply", Json.createObjectBuilder().add("asset", asset).add("address", address)
                .add("amount", new BigDecimal(amount)).build().toString(), t.token());
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private static void awaitStatus(Users.Trader t, long id, String status) {
        Eventually.holds(CHAIN_WAIT, "withdrawal " + id + " " + status, () -> status.equals(withdrawal(t, id).getString("status")));
    }

    private static JsonObject completed(Users.Trader t, long id) {
        return WithdrawalSendIT.completedMiningEthereum(t, id);
    }
}
