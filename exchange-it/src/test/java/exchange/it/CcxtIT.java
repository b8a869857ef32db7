package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real third-party client against the Binance-compatible API: ccxt's binance class (npm, in
 * exchange-it/ccxt) with its API URLs pointed here reads markets, ticker, book, trades and the
 * balance, places, queries, lists and cancels an order, through the same engine and wallet.
 */
class CcxtIT {
    private static final Path DIR = Path.of(System.getProperty("exchange.root", "."), "exchange-it", "ccxt");

    @Test
    void ccxtsBinanceClassTradesHere() throws Exception {
        installCcxt();
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("ccxt", admin, "USDT", "1000");
        Api.Reply key = Api.post("/api/user/api-keys", "{\"label\":\"ccxt\",\"permissions\":[\"TRADE\"]}", t.token());
        assertEquals(201, key.status(), key.body());

        JsonObject seen = node("check.mjs", Map.of("EXCHANGE_API_KEY", key.json().getString("apiKey"),
                "EXCHANGE_API_SECRET", key.json().getString("secret")));
        assertTrue(seen.getJsonArray("markets").toString().contains("\"BTC/USDT\""), seen.toString());
        assertEquals("BTC/USDT", seen.getString("tickerSymbol"));
        assertEquals(0, new BigDecimal("0.01").compareTo(seen.getJsonObject("btcPrecision").getJsonNumber("price").bigDecimalValue()));
        assertEquals(0, new BigDecimal("1000").compareTo(seen.getJsonNumber("usdtFreeBefore").bigDecimalValue()));
        assertEquals("open", seen.getJsonObject("fetched").getString("status"));
        assertEquals("buy", seen.getJsonObject("fetched").getString("side"));
        assertEquals(0, new BigDecimal("10000").compareTo(seen.getJsonObject("fetched").getJsonNumber("price").bigDecimalValue()));
        assertTrue(seen.getBoolean("openContainsOrder"));
        assertEquals(0, new BigDecimal("10").compareTo(seen.getJsonNumber("usdtUsedWhileOpen").bigDecimalValue()), "0.001 x 10000 frozen");
        assertEquals("canceled", seen.getString("finalStatus"));
        assertEquals(0, new BigDecimal("1000").compareTo(seen.getJsonNumber("usdtFreeAfter").bigDecimalValue()));
        // The order ccxt placed is the one our own API shows.
        Api.Reply ours = Api.get("/api/trade/order/" + seen.getString("orderId"), t.token());
        assertEquals(200, ours.status(), ours.body());
        assertEquals("CANCELED", ours.json().getString("status"));
    }

    /**
     * ccxt's WebSocket class keeps a local book from our REST snapshot and depthUpdate diffs while
     * two accounts trade at random, and it equals the REST depth at the same update id; its trade
     * and ticker streams show every trade and the last price.
     */
    @Test
    void ccxtProKeepsALocalBookFromOurStreams() throws Exception {
        installCcxt();
        String admin = Users.adminToken();
        String market = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        Map<String, String> env = new java.util.HashMap<>(Map.of("EXCHANGE_MARKET", market));
        for (String n : new String[] {"", "_2"}) {
            Users.Trader t = LedgerIT.fundedTrader("ccxt-ws", admin, "USDT", "100000");
            Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(t.id(), "BTC", "50", null), admin);
            putKey(env, n, t, List.of("READ", "TRADE"));
        }
        JsonObject seen = node("watch.mjs", env);
        System.out.println("ccxt.pro saw " + seen);
        assertTrue(seen.getBoolean("booksEqual"), seen.toString());
        assertTrue(seen.getInt("bookUpdates") > 10, "the book followed many diffs: " + seen);
        assertTrue(seen.getInt("bidLevels") + seen.getInt("askLevels") > 0, seen.toString());
        assertTrue(seen.getInt("tradesRest") > 0, "the random orders crossed: " + seen);
        assertEquals(seen.getInt("tradesRest"), seen.getInt("tradesWatched"), seen.toString());
        assertTrue(seen.getBoolean("sameTradeIds"), seen.toString());
        assertEquals(0, seen.getJsonNumber("lastTradePrice").bigDecimalValue()
                .compareTo(seen.getJsonNumber("tickerLast").bigDecimalValue()), seen.toString());
    }

    /**
     * ccxt's WebSocket class subscribes to an account's data through our Binance WebSocket API
     * (a signed userDataStream.subscribe.signature) and follows its orders to filled and
     * canceled, with the fee, and its balances to what REST reports.
     */
    @Test
    void ccxtProFollowsAnAccountThroughTheUserDataStream() throws Exception {
        installCcxt();
        String admin = Users.adminToken();
        String market = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        Users.Trader me = LedgerIT.fundedTrader("ccxt-me", admin, "BTC", "2");
        Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(me.id(), "USDT", "100", null), admin);
        Users.Trader other = LedgerIT.fundedTrader("ccxt-other", admin, "USDT", "1000");
        Map<String, String> env = new java.util.HashMap<>(Map.of("EXCHANGE_MARKET", market));
        putKey(env, "", me, List.of("READ", "TRADE"));
        putKey(env, "_2", other, List.of("TRADE"));
        JsonObject seen = node("user.mjs", env);
        System.out.println("ccxt.pro user stream saw " + seen);
        JsonObject sell = seen.getJsonObject("sell");
        assertEquals("closed", sell.getString("status"), seen.toString());
        assertEquals(0, new BigDecimal("0.5").compareTo(sell.getJsonNumber("filled").bigDecimalValue()));
        assertEquals(0, new BigDecimal("0.05").compareTo(sell.getJsonNumber("fee").bigDecimalValue()), "0.1% of 50 USDT");
        assertEquals("USDT", sell.getString("feeCurrency"));
        assertEquals("canceled", seen.getString("buyStatus"), seen.toString());
        assertEquals(seen.getJsonObject("rest"), seen.getJsonObject("watched"));
        assertEquals(0, new BigDecimal("1.5").compareTo(seen.getJsonObject("rest").getJsonNumber("btcFree").bigDecimalValue()));
        assertEquals(0, new BigDecimal("149.95").compareTo(seen.getJsonObject("rest").getJsonNumber("usdtFree").bigDecimalValue()));
    }

    private static void putKey(Map<String, String> env, String suffix, Users.Trader t, List<String> permissions) {
        Api.Reply key = Api.post("/api/user/api-keys", "{\"label\":\"ccxt\",\"permissions\":[\""
                + String.join("\",\"", permissions) + "\"]}", t.token());
        assertEquals(201, key.status(), key.body());
        env.put("EXCHANGE_API_KEY" + suffix, key.json().getString("apiKey"));
        env.put("EXCHANGE_API_SECRET" + suffix, key.json().getString("secret"));
    }

    /** Runs one of the ccxt scripts and reads the JSON line it prints last. */
    private static JsonObject node(String script, Map<String, String> env) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", script).directory(DIR.toFile()).redirectErrorStream(false);
        node.environment().put("EXCHANGE_BASE_URL", Api.BASE);
        node.environment().putAll(env);
        File err = Files.createTempFile("ccxt", ".err").toFile();
        node.redirectError(err);
        Process p = node.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ccxt " + script + " timed out");
        assertEquals(0, p.exitValue(), Files.readString(err.toPath()));
        return Json.createReader(new java.io.StringReader(out.substring(out.lastIndexOf('\n') + 1))).readObject();
    }

    /** From the committed lock file, once per checkout: the npm registry is reachable here, nothing else is needed. */
    private static void installCcxt() throws Exception {
        if (Files.isDirectory(DIR.resolve("node_modules").resolve("ccxt"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(npm.waitFor(300, TimeUnit.SECONDS), "npm ci for ccxt timed out");
        assertEquals(0, npm.exitValue(), "npm ci for ccxt failed");
    }
}
