package exchange.web.trade;

import exchange.web.validation.Given;
import exchange.web.validation.InRange;
import exchange.api.trade.MarketData;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.SymbolView;
import exchange.web.security.Open;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("trade")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {
    @EJB
    private MarketDirectory markets;

    @EJB
    private OrderBookDepth books;

    @EJB
    private MarketData marketData;

    @GET
    @Path("symbols")
    @Open
    public List<SymbolView> symbols() {
        return markets.symbols();
    }

    /** Aggregated price levels straight from the engine, best first (limit 1 to 1000, default 20). */
    @GET
    @Path("depth")
    @Open
    public OrderBookDepth.Depth depth(@QueryParam("symbol") @Given String symbol,
                                      @QueryParam("limit") @DefaultValue("20") @InRange(min = 1, max = 1000) int limit) {
        return books.depth(symbol, limit);
    }

    /** The symbol's latest public trades, newest first (limit 1 to 1000, default 50). */
    @GET
    @Path("recent-trades")
    @Open
    public List<MarketData.PublicTrade> recentTrades(@QueryParam("symbol") @Given String symbol,
                                                     @QueryParam("limit") @DefaultValue("50") @InRange(min = 1, max = 1000) int limit) {
        return marketData.recentTrades(symbol, limit);
    }

    /** Rolling 24 h statistics at one-minute resolution. */
    @GET
    @Path("ticker")
    @Open
    public MarketData.Ticker ticker(@QueryParam("symbol") @Given String symbol) {
        return marketData.ticker(symbol);
    }

    /** Candles oldest first: interval 1m 5m 15m 1h 4h 1d; endTime in epoch milliseconds (default now). */
    @GET
    @Path("klines")
    @Open
    public List<MarketData.Candle> klines(@QueryParam("symbol") @Given String symbol,
                                          @QueryParam("interval") @Given String interval,
                                          @QueryParam("endTime") Long endTime,
                                          @QueryParam("limit") @DefaultValue("500") @InRange(min = 1, max = 1000) int limit) {
        return marketData.klines(symbol, interval, endTime == null ? null : java.time.Instant.ofEpochMilli(endTime), limit);
    }
}
