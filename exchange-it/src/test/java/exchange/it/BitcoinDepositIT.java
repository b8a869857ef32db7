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
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Seed 3.2 on a real validating Bitcoin regtest node: one transaction paying two deposit
 * addresses is two deposits, each credited once after 2 confirmations; a block a reorg takes away
 * drops its deposits until the transaction is mined again, and the credit still happens once.
 */
class BitcoinDepositIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void twoOutputsOfOneTransactionAreTwoDepositsCreditedOnceThroughAReorg() {
        Users.Trader alice = Users.register("btc-a");
        Users.Trader bob = Users.register("btc-b");
        String toAlice = EthereumDepositIT.depositAddress(alice, "BTC");
        String toBob = EthereumDepositIT.depositAddress(bob, "BTC");

        String tx = ChainRpc.bitcoinWallet("sendmany", "", Json.createObjectBuilder().add(toAlice, new BigDecimal("0.3")).add(toBob, new BigDecimal("0.2")).build())
                .toString().replace("\"", "");
        // The node's wallet answers before its mempool has the transaction.
        String raw = Eventually.get(WAIT, () -> {
            try {
                return ChainRpc.bitcoin("getrawtransaction", tx, false).toString().replace("\"", "");
            } catch (IllegalStateException notYet) {
                return null;
            }
        });
        String minedIn = mine(1);
        JsonObject aliceDeposit = Eventually.get(WAIT, () -> deposit(alice, tx));
        JsonObject bobDeposit = Eventually.get(WAIT, () -> deposit(bob, tx));
        assertEquals("PENDING", aliceDeposit.getString("status"));
        assertEquals(0, new BigDecimal("0.3").compareTo(aliceDeposit.getJsonNumber("amount").bigDecimalValue()));
        assertEquals(0, new BigDecimal("0.2").compareTo(bobDeposit.getJsonNumber("amount").bigDecimalValue()));

        // The block leaves the chain before the deposit is final: dropped, and nothing credited.
        ChainRpc.bitcoin("invalidateblock", minedIn);
        Eventually.holds(WAIT, "dropped by the reorg", () -> "DROPPED".equals(deposit(alice, tx).getString("status")));
        assertEquals(0, available(alice).signum());

        // Bitcoin Core would put the transaction back into its mempool; bcoin forgets it, so it is
        // broadcast again, as a wallet would. The new chain mines it, and then deeper.
        ChainRpc.bitcoin("sendrawtransaction", raw);
        mine(2);
        Eventually.holds(WAIT, "credited after 2 confirmations",
                () -> "CREDITED".equals(deposit(alice, tx).getString("status")) && "CREDITED".equals(deposit(bob, tx).getString("status")));
        assertEquals(0, new BigDecimal("0.3").compareTo(available(alice)));
        assertEquals(0, new BigDecimal("0.2").compareTo(available(bob)));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE user_id = ? AND biz_type = 'DEPOSIT'",
                alice.id()));
        assertEquals(2, Db.count("SELECT COUNT(*) FROM exchange_wallet.deposits WHERE tx_hash = ?", tx));
    }

    @Test
    void operatorsSeeHowEachChainsScanningStands() {
        long tip = ((jakarta.json.JsonNumber) ChainRpc.bitcoin("getblockcount")).longValue();
        Eventually.holds(Duration.ofSeconds(90), "BTC scanned to the tip", () -> chain("BTC").getJsonNumber("height").longValue() >= tip);
        for (String name : new String[] {"BTC", "ETH"}) {
            JsonObject chain = chain(name);
            assertEquals(true, chain.getBoolean("scanning"), chain.toString());
            assertEquals(false, chain.getBoolean("nodeDown"), chain.toString());
        }
        assertEquals(403, Api.get("/api/admin/wallet/chains", Users.register("btc-c").token()).status());
    }

    private static JsonObject chain(String name) {
        Api.Reply reply = Api.get("/api/admin/wallet/chains", Users.adminToken());
        assertEquals(200, reply.status(), reply.body());
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("chain").equals(name)).findFirst().orElseThrow();
    }

    /** Mines blocks to the node's wallet; returns the hash of the last one. */
    private static String mine(int blocks) {
        String address = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        var hashes = ChainRpc.bitcoin("generatetoaddress", blocks, address).asJsonArray();
        return hashes.getString(hashes.size() - 1);
    }

    private static JsonObject deposit(Users.Trader trader, String txHash) {
        Api.Reply reply = Api.get("/api/wallet/recharge/history?asset=BTC", trader.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("txHash").equals(txHash)).findFirst().orElse(null);
    }

    private static BigDecimal available(Users.Trader trader) {
        return Api.get("/api/wallet/accounts", trader.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("asset").equals("BTC")).findFirst().orElseThrow()
                .getJsonNumber("available").bigDecimalValue();
    }
}
