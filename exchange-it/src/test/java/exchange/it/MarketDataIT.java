package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.RegistrationIT.assertError;
import static exchange.it.TradingIT.assertAmount;
import static exchange.it.TradingIT.awaitStatus;
import static exchange.it.TradingIT.freshSymbol;
import static exchange.it.TradingIT.limit;
import static exchange.it.TradingIT.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recent trades, the 24 h ticker and klines, built from what settlement recorded. */
class MarketDataIT {
    @Test
    void tradesTickerAndKlinesFollowTheTrades() {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("md-seller", admin, "BTC", "5");
        Users.Trader buyer = fundedTrader("md-buyer", admin, "USDT", "10000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.0001", "1");
        assertEquals(201, order(seller, limit(symbol, "SELL", "100", "1")).status());
        assertEquals(201, order(seller, limit(symbol, "SELL", "101", "1")).status());
        long first = order(buyer, limit(symbol, "BUY", "101", "0.5")).json().getJsonNumber("orderId").longValue();
        awaitStatus(buyer, first, "FILLED");
        long second = order(buyer, limit(symbol, "BUY", "101", "1")).json().getJsonNumber("orderId").longValue();
        awaitStatus(buyer, second, "FILLED");

        List<JsonObject> trades = Eventually.get(Duration.ofSeconds(10), () -> {
            List<JsonObject> t = Api.get("/api/trade/recent-trades?symbol=" + symbol, null).structure().asJsonArray()
                    .getValuesAs(JsonObject.class);
            return t.size() == 3 ? t : null;
        });
        // Newest first, numbered by the engine per symbol; the buyer took the liquidity each time.
        assertEquals(List.of(3L, 2L, 1L), trades.stream().map(t -> t.getJsonNumber("id").longValue()).toList());
        assertAmount("101", trades.get(0).getJsonNumber("price").bigDecimalValue(), "newest price");
        assertAmount("100", trades.get(2).getJsonNumber("price").bigDecimalValue(), "oldest price");
        trades.forEach(t -> assertFalse(t.getBoolean("buyerMaker")));

        JsonObject ticker = Eventually.get(Duration.ofSeconds(10), () -> {
            JsonObject t = Api.get("/api/trade/ticker?symbol=" + symbol, null).json();
            return t.getJsonNumber("count").longValue() == 3 ? t : null;
        });
        assertAmount("100", ticker.getJsonNumber("openPrice").bigDecimalValue(), "open");
        assertAmount("101", ticker.getJsonNumber("highPrice").bigDecimalValue(), "high");
        assertAmount("100", ticker.getJsonNumber("lowPrice").bigDecimalValue(), "low");
        assertAmount("101", ticker.getJsonNumber("lastPrice").bigDecimalValue(), "last");
        assertAmount("1", ticker.getJsonNumber("priceChange").bigDecimalValue(), "change");
        assertAmount("1.5", ticker.getJsonNumber("volume").bigDecimalValue(), "base volume");
        assertAmount("150.5", ticker.getJsonNumber("quoteVolume").bigDecimalValue(), "quote volume");
        assertEquals(1, ticker.getJsonNumber("firstTradeId").longValue());
        assertEquals(3, ticker.getJsonNumber("lastTradeId").longValue());

        for (String interval : List.of("1m", "5m", "15m", "1h", "4h", "1d")) {
            JsonArray candles = Api.get("/api/trade/klines?symbol=" + symbol + "&interval=" + interval, null)
                    .structure().asJsonArray();
            BigDecimal volume = BigDecimal.ZERO;
            int count = 0;
            for (JsonObject c : candles.getValuesAs(JsonObject.class)) {
                volume = volume.add(c.getJsonNumber("volume").bigDecimalValue());
                count += c.getInt("trades");
            }
            assertAmount("1.5", volume, interval + " volume");
            assertEquals(3, count, interval + " trades");
        }
        JsonObject day = Api.get("/api/trade/klines?symbol=" + symbol + "&interval=1d", null).structure()
                .asJsonArray().getJsonObject(0);
        assertAmount("100", day.getJsonNumber("open").bigDecimalValue(), "day open");
        assertAmount("101", day.getJsonNumber("close").bigDecimalValue(), "day close");

        assertError(400, "INVALID_INTERVAL", Api.get("/api/trade/klines?symbol=" + symbol + "&interval=2m", null));
        assertError(400, "UNKNOWN_SYMBOL", Api.get("/api/trade/ticker?symbol=NOPE", null));
        assertError(400, "VALIDATION_FAILED", Api.get("/api/trade/recent-trades?symbol=" + symbol + "&limit=0", null));
    }
}
