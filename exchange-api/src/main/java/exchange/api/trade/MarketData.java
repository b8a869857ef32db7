package exchange.api.trade;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Public market data built from settled trades: recent trades, the rolling 24 h ticker, klines. */
@Local
public interface MarketData {
    /** Newest first, at most {@code limit}. */
    List<PublicTrade> recentTrades(String symbol, int limit);

    /** The last 24 h, at one-minute resolution. */
    Ticker ticker(String symbol);

    /**
     * Oldest first, the newest {@code limit} candles that open before {@code endTime} (null: now).
     *
     * @param interval one of {@link KlineInterval}'s codes: 1m 5m 15m 1h 4h 1d
     */
    List<Candle> klines(String symbol, String interval, Instant endTime, int limit);

    /** @param buyerMaker true when the seller took the buyer's resting order */
    record PublicTrade(long id, BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity, Instant time,
                       boolean buyerMaker) implements Serializable {
    }

    record Ticker(String symbol, BigDecimal openPrice, BigDecimal highPrice, BigDecimal lowPrice,
                  BigDecimal lastPrice, BigDecimal priceChange, BigDecimal priceChangePercent, BigDecimal volume,
                  BigDecimal quoteVolume, long count, long firstTradeId, long lastTradeId, Instant openTime,
                  Instant closeTime) implements Serializable {
    }

    record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                  BigDecimal volume, BigDecimal quoteVolume, int trades, Instant closeTime) implements Serializable {
    }
}
