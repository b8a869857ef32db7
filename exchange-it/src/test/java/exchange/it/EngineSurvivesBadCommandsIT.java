package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import exchange.it.support.Users;
import org.junit.jupiter.api.Test;

/**
 * One command must never stop matching: a listing whose units cannot fit the engine is refused,
 * and orders the engine cannot take (units that overflow, a price off the tick, a symbol it does
 * not know) are refused with a 4xx while every market goes on matching. (What is on the journal
 * but is not a command batch is skipped by a replay: SequencerTest.)
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
    void commandsTheEngineCannotTakeAreRefusedAndMatchingGoesOn() {
        String admin = Users.adminToken();
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");
        Users.Trader rich = fundedTrader("survive-r", admin, "USDT", "100000");
        // Lots far above a long (this used to end the matching thread), a price below the tick,
        // a symbol the engine does not know, and a quote amount far above a long.
        for (String body : new String[] {TradingIT.limit(symbol, "BUY", "30000", "100000000000000000000000000000"),
                TradingIT.limit(symbol, "BUY", "0.001", "1"), TradingIT.limit("NOSUCH", "BUY", "1", "1"),
                "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quoteQuantity\":1e40}"}) {
            Api.Reply r = TradingIT.order(rich, body);
            assertEquals(400, r.status(), body + " -> " + r.body());
        }

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

}
