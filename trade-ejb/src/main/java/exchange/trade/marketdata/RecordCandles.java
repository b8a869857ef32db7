package exchange.trade.marketdata;

import exchange.api.event.MatchOutcome;
import exchange.api.trade.KlineInterval;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Folds one engine result's fills into the symbol's candles, one upsert per period, inside the
 * settlement's transaction: the result is settled once, so its volume is counted once.
 * Settlement of a symbol runs in its queue's order, so candle rows see trades in trade order.
 */
@Stateless
public class RecordCandles {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;

    public void record(String symbol, Instant time, List<MatchOutcome.Fill> fills) {
        if (fills.isEmpty()) {
            return;
        }
        BigDecimal open = fills.get(0).price();
        BigDecimal close = fills.get(fills.size() - 1).price();
        BigDecimal high = open;
        BigDecimal low = open;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal quoteVolume = BigDecimal.ZERO;
        for (MatchOutcome.Fill f : fills) {
            high = high.max(f.price());
            low = low.min(f.price());
            volume = volume.add(f.quantity());
            quoteVolume = quoteVolume.add(f.price().multiply(f.quantity()));
        }
        long firstId = fills.get(0).tradeId();
        long lastId = fills.get(fills.size() - 1).tradeId();
        for (KlineInterval interval : KlineInterval.values()) {
            em.createNativeQuery("""
                    INSERT INTO exchange_trade.klines (symbol, period, open_time, open_price, high_price, low_price, close_price,
                                        volume, quote_volume, trades, first_trade_id, last_trade_id)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                    ON DUPLICATE KEY UPDATE high_price = GREATEST(high_price, VALUES(high_price)),
                        low_price = LEAST(low_price, VALUES(low_price)), close_price = VALUES(close_price),
                        volume = volume + VALUES(volume), quote_volume = quote_volume + VALUES(quote_volume),
                        trades = trades + VALUES(trades), last_trade_id = VALUES(last_trade_id)""")
                    .setParameter(1, symbol).setParameter(2, interval.code())
                    .setParameter(3, Timestamp.from(interval.openOf(time)))
                    .setParameter(4, open).setParameter(5, high).setParameter(6, low).setParameter(7, close)
                    .setParameter(8, volume).setParameter(9, quoteVolume).setParameter(10, fills.size())
                    .setParameter(11, firstId).setParameter(12, lastId)
                    .executeUpdate();
        }
    }
}
