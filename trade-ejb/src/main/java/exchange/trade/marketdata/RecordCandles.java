package exchange.trade.marketdata;

import exchange.api.trade.KlineInterval;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds projected trades into the symbol's candles inside the projection's transaction: an engine
 * journal entry is projected once, so its volume is counted once. The projection hands over all
 * trades of its transaction at once (several journal entries), and each period gets one upsert per
 * candle those trades touch rather than one per entry: with six periods that was six statements
 * per entry. The journal is projected in its order, so candle rows see trades in trade order.
 */
@Stateless
public class RecordCandles {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;

    /** One trade: the symbol's trade id, its price, base quantity and quote amount. */
    public record Fill(long tradeId, BigDecimal price, BigDecimal quantity, BigDecimal quote) {
    }

    /** Trades as matched at one instant (one engine journal entry). */
    public record TimedFills(Instant time, List<Fill> fills) {
    }

    public void record(String symbol, List<TimedFills> results) {
        for (KlineInterval interval : KlineInterval.values()) {
            Map<Instant, Candle> candles = new LinkedHashMap<>();
            for (TimedFills result : results) {
                for (Fill fill : result.fills()) {
                    candles.computeIfAbsent(interval.openOf(result.time()), t -> new Candle()).add(fill);
                }
            }
            candles.forEach((openTime, candle) -> upsert(symbol, interval, openTime, candle));
        }
    }

    private void upsert(String symbol, KlineInterval interval, Instant openTime, Candle c) {
        em.createNativeQuery("""
                INSERT INTO exchange_trade.klines (symbol, period, open_time, open_price, high_price, low_price, close_price,
                                    volume, quote_volume, trades, first_trade_id, last_trade_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                ON DUPLICATE KEY UPDATE high_price = GREATEST(high_price, VALUES(high_price)),
                    low_price = LEAST(low_price, VALUES(low_price)), close_price = VALUES(close_price),
                    volume = volume + VALUES(volume), quote_volume = quote_volume + VALUES(quote_volume),
                    trades = trades + VALUES(trades), last_trade_id = VALUES(last_trade_id)""")
                .setParameter(1, symbol).setParameter(2, interval.code())
                .setParameter(3, Timestamp.from(openTime))
                .setParameter(4, c.open).setParameter(5, c.high).setParameter(6, c.low).setParameter(7, c.close)
                .setParameter(8, c.volume).setParameter(9, c.quoteVolume).setParameter(10, c.trades)
                .setParameter(11, c.firstTradeId).setParameter(12, c.lastTradeId)
                .executeUpdate();
    }

    /** One candle's share of the fills, in trade order. */
    private static final class Candle {
        BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal quoteVolume = BigDecimal.ZERO;
        int trades;
        long firstTradeId;
        long lastTradeId;

        void add(Fill f) {
            if (trades == 0) {
                open = f.price();
                high = f.price();
                low = f.price();
                firstTradeId = f.tradeId();
            }
            high = high.max(f.price());
            low = low.min(f.price());
            close = f.price();
            volume = volume.add(f.quantity());
            quoteVolume = quoteVolume.add(f.quote());
            trades++;
            lastTradeId = f.tradeId();
        }
    }
}
