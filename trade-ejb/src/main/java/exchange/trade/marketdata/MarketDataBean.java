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

/** Reads market data from the trades and candles the engine projection keeps, through the Redis cache. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MarketDataBean implements MarketData {
    private static final java.lang.reflect.Type TRADES = new ArrayList<PublicTrade>() { }.getClass().getGenericSuperclass();
    private static final java.lang.reflect.Type CANDLES = new ArrayList<Candle>() { }.getClass().getGenericSuperclass();

    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private MarketDataCache cache;

    @Override
    public List<PublicTrade> recentTrades(String symbol, int limit) {
        return cache.get("trades:" + symbol + ":" + limit, TRADES, () -> {
            listed(symbol);
            List<?> rows = em.createNativeQuery("""
                    SELECT COALESCE(trade_id, -id), price, quantity, quote_quantity, created_at, taker_side
                    FROM exchange_trade.trades WHERE symbol = ?1 ORDER BY id DESC""")
                    .setParameter(1, symbol).setMaxResults(limit).getResultList();
            List<PublicTrade> trades = new ArrayList<>(rows.size());
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                trades.add(new PublicTrade(((Number) r[0]).longValue(), (BigDecimal) r[1], (BigDecimal) r[2],
                        (BigDecimal) r[3], InstantConverter.fromColumn(r[4]), "SELL".equals(r[5])));
            }
            return trades;
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
            Object[] ids = (Object[]) em.createNativeQuery("""
                    SELECT MIN(first_trade_id), MAX(last_trade_id) FROM exchange_trade.klines
                    WHERE symbol = ?1 AND period = '1m' AND open_time >= ?2""")
                    .setParameter(1, symbol).setParameter(2, Timestamp.from(from)).getSingleResult();
            return new Ticker(symbol, first.open(), high, low, last.close(), change, percent, volume, quoteVolume, count,
                    ((Number) ids[0]).longValue(), ((Number) ids[1]).longValue(), from, now);
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
        List<?> rows = em.createNativeQuery("""
                SELECT open_time, open_price, high_price, low_price, close_price, volume, quote_volume, trades
                FROM exchange_trade.klines WHERE symbol = ?1 AND period = ?2 AND open_time >= ?3 AND open_time < ?4
                ORDER BY open_time DESC""")
                .setParameter(1, symbol).setParameter(2, period.code())
                .setParameter(3, Timestamp.from(from)).setParameter(4, Timestamp.from(to))
                .setMaxResults(limit).getResultList();
        List<Candle> candles = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Instant open = InstantConverter.fromColumn(r[0]);
            candles.add(new Candle(open, (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4],
                    (BigDecimal) r[5], (BigDecimal) r[6], ((Number) r[7]).intValue(),
                    open.plus(period.length()).minusMillis(1)));
        }
        return candles;
    }


    private void listed(String symbol) {
        if (symbol == null || em.find(Symbol.class, symbol) == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL);
        }
    }
}
