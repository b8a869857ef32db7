package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import exchange.it.support.Journal;
import exchange.it.support.Users;
import org.junit.jupiter.api.Test;

/**
 * One command must never stop matching: a listing whose units cannot fit the engine is refused,
 * and commands the engine cannot process (units that overflow, a body that does not parse, a
 * symbol it does not know) are rejected and logged while every market goes on matching.
 */
class EngineSurvivesBadCommandsIT {
    @Test
    void aListingWhosePricesOrQuantitiesCannotFitTheEngineIsRefused() {
        String admin = Users.adminToken();
        for (String[] tickStep : new String[][] {{"0.000000000000000001", "0.01"}, {"0.01", "0.000000000001"}}) {
            Api.Reply r = Api.post("/api/admin/markets", "{\"symbol\":\"BTCT" + (100_000 + new java.util.Random().nextInt(900_000))
                    + "\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\",\"priceTick\":" + tickStep[0] + ",\"quantityStep\":"
                    + tickStep[1] + ",\"minNotional\":1,\"makerFee\":0.001,\"takerFee\":0.001}", admin);
            assertEquals(400, r.status(), r.body());
            assertEquals("VALIDATION_FAILED", r.errorCode());
        }
    }

    @Test
    void commandsTheEngineCannotProcessAreRejectedAndMatchingGoesOn() {
        String admin = Users.adminToken();
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");
        long bogus = 8_000_000_000_000L + System.nanoTime() % 1_000_000_000L;
        // Lots far above a long: this one used to end the matching thread, at every start again.
        Journal.send("OrderCreated", symbol, order(bogus, symbol, "30000", "100000000000000000000000000000"));
        Journal.send("OrderCreated", symbol, order(bogus + 1, symbol, "0.001", "1"));
        Journal.send("OrderCreated", symbol, "{\"orderId\":\"not-a-number\"}");
        Journal.send("OrderCreated", "NOSUCH", order(bogus + 2, "NOSUCH", "1", "1"));
        Journal.send("OrderCancelRequested", symbol, "{\"orderId\":" + (bogus + 3) + ",\"userId\":1,\"symbol\":\"" + symbol + "\"}");

        Users.Trader seller = fundedTrader("survive-s", admin, "BTC", "1");
        Users.Trader buyer = fundedTrader("survive-b", admin, "USDT", "40000");
        Api.Reply ask = TradingIT.order(seller, TradingIT.limit(symbol, "SELL", "30000", "0.5"));
        assertEquals(201, ask.status(), ask.body());
        Api.Reply bid = TradingIT.order(buyer, TradingIT.limit(symbol, "BUY", "30000", "0.5"));
        assertEquals(201, bid.status(), bid.body());
        TradingIT.awaitStatus(buyer, bid.json().getJsonNumber("orderId").longValue(), "FILLED");
        TradingIT.awaitStatus(seller, ask.json().getJsonNumber("orderId").longValue(), "FILLED");

        // And the other markets too: the engine is one thread for all of them.
        String other = TradingIT.freshSymbol(admin, "ETH", "USDT", "0.01", "0.0001", "5");
        Users.Trader ethSeller = fundedTrader("survive-es", admin, "ETH", "1");
        Users.Trader ethBuyer = fundedTrader("survive-eb", admin, "USDT", "5000");
        Api.Reply ethAsk = TradingIT.order(ethSeller, TradingIT.limit(other, "SELL", "2000", "1"));
        Api.Reply ethBid = TradingIT.order(ethBuyer, TradingIT.limit(other, "BUY", "2000", "1"));
        assertEquals(201, ethBid.status(), ethBid.body());
        TradingIT.awaitStatus(ethBuyer, ethBid.json().getJsonNumber("orderId").longValue(), "FILLED");
        TradingIT.awaitStatus(ethSeller, ethAsk.json().getJsonNumber("orderId").longValue(), "FILLED");
    }

    private static String order(long id, String symbol, String price, String quantity) {
        return "{\"orderId\":" + id + ",\"userId\":1,\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"orderType\":\"LIMIT\","
                + "\"timeInForce\":\"GTC\",\"price\":" + price + ",\"quantity\":" + quantity
                + ",\"quoteQuantity\":null,\"selfTradePrevention\":\"EXPIRE_TAKER\"}";
    }
}
