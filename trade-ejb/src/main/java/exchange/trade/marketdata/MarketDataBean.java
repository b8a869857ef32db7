package exchange.trade.marketdata;

import exchange.api.persistence.InstantConverter;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.KlineInterval;
import exchange.api.trade.MarketData;
import exchange.trade.market.Symbol;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads market data from the trades and candles the engine projection keeps, through the Redis
 * cache; the history itself from the database's replica when it serves ({@link HistoryReads}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MarketDataBean implements MarketData {
    private static final java.lang.reflect.Type TRADES = new ArrayList<PublicTrade>() { }.getClass().getGenericSuperclass();
    private static final java.lang.reflect.Type CANDLES = new ArrayList<Candle>() { }.getClass().getGenericSuperclass();

    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private MarketDataCache cache;
    @EJB
    private HistoryReads history;

    @Override
    public List<PublicTrade> recentTrades(String symbol, int limit) {
        return cache.get("trades:" + symbol + ":" + limit, TRADES, () -> {
            listed(symbol);
            return query("""
                    SELECT COALESCE(trade_id, -id), price, quantity, quote_quantity, created_at, taker_side
                    FROM exchange_trade.trades WHERE symbol = ? ORDER BY id DESC LIMIT ?""", r -> new PublicTrade(
                    r.getLong(1), r.getBigDecimal(2), r.getBigDecimal(3), r.getBigDecimal(4),
                    InstantConverter.fromColumn(r.getTimestamp(5)), "SELL".equals(r.getString(6))), symbol, limit);
        });
    }

    @Override
    public Ticker ticker(String symbol) {
        return cache.get("ticker:" + symbol, Ticker.class, () -> {
            listed(symbol);
            Instant now = Instant.now();
            Instant from = KlineInterval.M1.openOf(now.minus(Duration.ofHours(24))).plusSeconds(60);
            List<Candle> minutes = candles(symbol, KlineInterval.M1, from, now.plusSeconds(60), 1441);
            Collections.reverse(minutes);
            if (minutes.isEmpty()) {
                return new Ticker(symbol, null, null, null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, 0, -1, -1,
                        from, now);
            }
            Candle first = minutes.get(0);
            Candle last = minutes.get(minutes.size() - 1);
            BigDecimal high = first.high();
            BigDecimal low = first.low();
            BigDecimal volume = BigDecimal.ZERO;
            BigDecimal quoteVolume = BigDecimal.ZERO;
            long count = 0;
            for (Candle c : minutes) {
                high = high.max(c.high());
                low = low.min(c.low());
                volume = volume.add(c.volume());
                quoteVolume = quoteVolume.add(c.quoteVolume());
                count += c.trades();
            }
            BigDecimal change = last.close().subtract(first.open());
            BigDecimal percent = change.multiply(BigDecimal.valueOf(100)).divide(first.open(), 3, RoundingMode.HALF_UP);
            long[] ids = query("""
                    SELECT MIN(first_trade_id), MAX(last_trade_id) FROM exchange_trade.klines
                    WHERE symbol = ? AND period = '1m' AND open_time >= ?""", r -> new long[] {r.getLong(1), r.getLong(2)},
                    symbol, Timestamp.from(from)).get(0);
            return new Ticker(symbol, first.open(), high, low, last.close(), change, percent, volume, quoteVolume, count,
                    ids[0], ids[1], from, now);
        });
    }

    @Override
    public List<Candle> klines(String symbol, String interval, Instant endTime, int limit) {
        KlineInterval period = KlineInterval.of(interval);
        Instant end = endTime == null ? Instant.now().plus(period.length()) : endTime;
        String key = "klines:" + symbol + ":" + interval + ":" + limit + (endTime == null ? "" : ":" + endTime.toEpochMilli());
        return cache.get(key, CANDLES, () -> {
            listed(symbol);
            List<Candle> candles = candles(symbol, period, Instant.EPOCH, end, limit);
            Collections.reverse(candles);
            return candles;
        });
    }

    /** Newest first, opening in [from, to). */
    private List<Candle> candles(String symbol, KlineInterval period, Instant from, Instant to, int limit) {
        // A new list: callers reverse it, and the cache must not keep one that is changed later.
        List<Candle> candles = new ArrayList<>(query("""
                SELECT open_time, open_price, high_price, low_price, close_price, volume, quote_volume, trades
                FROM exchange_trade.klines WHERE symbol = ? AND period = ? AND open_time >= ? AND open_time < ?
                ORDER BY open_time DESC LIMIT ?""", r -> {
                    Instant open = InstantConverter.fromColumn(r.getTimestamp(1));
                    return new Candle(open, r.getBigDecimal(2), r.getBigDecimal(3), r.getBigDecimal(4),
                            r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7), r.getInt(8),
                            open.plus(period.length()).minusMillis(1));
                }, symbol, period.code(), Timestamp.from(from), Timestamp.from(to), limit));
        return candles;
    }

    /** A lag-tolerant read, its rows mapped: on the replica when it serves, else on the primary. */
    private <T> List<T> query(String sql, exchange.api.persistence.LagTolerantReads.Row<T> row, Object... parameters) {
        return history.rows(sql, row, parameters);
    }

    private void listed(String symbol) {
        if (symbol == null || em.find(Symbol.class, symbol) == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL);
        }
    }
}
