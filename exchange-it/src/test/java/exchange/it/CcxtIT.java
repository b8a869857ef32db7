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

        ProcessBuilder node = new ProcessBuilder("node", "check.mjs").directory(DIR.toFile()).redirectErrorStream(false);
        node.environment().put("EXCHANGE_BASE_URL", Api.BASE);
        node.environment().put("EXCHANGE_API_KEY", key.json().getString("apiKey"));
        node.environment().put("EXCHANGE_API_SECRET", key.json().getString("secret"));
        File err = Files.createTempFile("ccxt", ".err").toFile();
        node.redirectError(err);
        Process p = node.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ccxt check timed out");
        assertEquals(0, p.exitValue(), Files.readString(err.toPath()));

        JsonObject seen = Json.createReader(new java.io.StringReader(out.substring(out.lastIndexOf('\n') + 1))).readObject();
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
