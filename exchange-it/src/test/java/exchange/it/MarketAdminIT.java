package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.RegistrationIT.assertError;
import static exchange.it.TradingIT.assertAmount;
import static exchange.it.TradingIT.awaitStatus;
import static exchange.it.TradingIT.balance;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import exchange.it.support.Users;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Operators list a market, which trades at once, and halt it: cancels only, until resumed. */
class MarketAdminIT {
    @Test
    void aListedMarketTradesAndAHaltedOneTakesOnlyCancels() {
        String admin = Users.adminToken();
        String symbol = "ETHT" + (100_000 + new Random().nextInt(900_000));
        String spec = "{\"symbol\":\"" + symbol + "\",\"baseAsset\":\"ETH\",\"quoteAsset\":\"USDT\",\"priceTick\":0.5,"
                + "\"quantityStep\":0.01,\"minNotional\":1,\"makerFee\":0,\"takerFee\":0.002}";
        Api.Reply listed = Api.post("/api/admin/markets", spec, admin);
        assertEquals(201, listed.status(), listed.body());
        assertEquals("TRADING", listed.json().getString("status"));
        assertError(409, "SYMBOL_EXISTS", Api.post("/api/admin/markets", spec, admin));
        Users.Trader seller = fundedTrader("listseller", admin, "ETH", "3");
        Users.Trader buyer = fundedTrader("listbuyer", admin, "USDT", "10000");
        assertError(403, "FORBIDDEN", Api.post("/api/admin/markets/" + symbol + "/halt", null, seller.token()));

        String sell = "{\"symbol\":\"" + symbol + "\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":1500.5,\"quantity\":2}";
        long sellId = Api.post("/api/trade/order/create", sell, seller.token()).json().getJsonNumber("orderId").longValue();
        awaitStatus(seller, sellId, "NEW");
        assertError(400, "INVALID_PRICE", Api.post("/api/trade/order/create", sell.replace("1500.5", "1500.3"), seller.token()));
        String buy = "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"IOC\",\"price\":1501,\"quantity\":1}";
        long buyId = Api.post("/api/trade/order/create", buy, buyer.token()).json().getJsonNumber("orderId").longValue();
        awaitStatus(buyer, buyId, "FILLED");
        assertAmount("0.998", balance(buyer, "ETH", "available"), "bought 1 ETH less the 0.2% taker fee");
        assertAmount("1500.5", balance(seller, "USDT", "available"), "sold at the maker's price, maker fee 0");

        assertEquals("HALTED", Api.post("/api/admin/markets/" + symbol + "/halt", null, admin).json().getString("status"));
        assertError(409, "SYMBOL_HALTED", Api.post("/api/trade/order/create", buy, buyer.token()));
        assertEquals(202, Api.post("/api/trade/order/cancel", "{\"orderId\":" + sellId + "}", seller.token()).status());
        awaitStatus(seller, sellId, "CANCELED");
        assertAmount("2", balance(seller, "ETH", "available"), "the unsold ETH is back");

        assertEquals("TRADING", Api.post("/api/admin/markets/" + symbol + "/resume", null, admin).json().getString("status"));
        assertEquals(201, Api.post("/api/trade/order/create", sell, seller.token()).status());
        assertError(400, "UNKNOWN_SYMBOL", Api.post("/api/admin/markets/NOPE1/halt", null, admin));
    }

    /** Fees and the minimum notional are edited on a live market; the next trade pays the new fee. */
    @Test
    void feesAndTheMinimumNotionalChangeOnALiveMarket() {
        String admin = Users.adminToken();
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        assertError(403, "FORBIDDEN", Api.put("/api/admin/markets/" + symbol, "{\"takerFee\":0.005}", Users.register("fees").token()));
        assertError(400, "VALIDATION_FAILED", Api.put("/api/admin/markets/" + symbol, "{\"takerFee\":-1}", admin));
        jakarta.json.JsonObject adjusted = Api.put("/api/admin/markets/" + symbol, "{\"takerFee\":0.005,\"minNotional\":100}", admin).json();
        assertAmount("0.005", adjusted.getJsonNumber("takerFee").bigDecimalValue(), "taker fee changed");
        assertAmount("0.001", adjusted.getJsonNumber("makerFee").bigDecimalValue(), "maker fee unchanged");
        assertAmount("0.01", adjusted.getJsonNumber("priceTick").bigDecimalValue(), "tick unchanged");

        Users.Trader seller = fundedTrader("fees-seller", admin, "BTC", "3");
        Users.Trader buyer = fundedTrader("fees-buyer", admin, "USDT", "10000");
        assertError(400, "NOTIONAL_TOO_SMALL", TradingIT.order(buyer, TradingIT.limit(symbol, "BUY", "50", "1")));
        long sell = TradingIT.order(seller, TradingIT.limit(symbol, "SELL", "200", "1")).json().getJsonNumber("orderId").longValue();
        awaitStatus(seller, sell, "NEW");
        long buy = TradingIT.order(buyer, TradingIT.limit(symbol, "BUY", "200", "1")).json().getJsonNumber("orderId").longValue();
        awaitStatus(buyer, buy, "FILLED");
        assertAmount("0.995", balance(buyer, "BTC", "available"), "the new 0.5% taker fee");
        assertAmount("199.8", balance(seller, "USDT", "available"), "the unchanged 0.1% maker fee");
    }
}
