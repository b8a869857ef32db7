package exchange.trade.marketdata;

import exchange.api.persistence.BulkInsert;
import exchange.api.trade.KlineInterval;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Folds projected trades into the symbol's candles inside the projection's transaction: an engine
 * journal entry is projected once, so its volume is counted once. The projection hands over all
 * trades of its transaction at once (several journal entries), and every candle of every period
 * those trades touch is upserted in one statement (over JDBC on the transaction's connection). The journal is projected in its order, so candle rows see trades in trade order.
 */
@Stateless
public class RecordCandles {
    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;

    /** One trade: the symbol's trade id, its price, base quantity and quote amount. */
    public record Fill(long tradeId, BigDecimal price, BigDecimal quantity, BigDecimal quote) {
    }

    /** Trades as matched at one instant (one engine journal entry). */
    public record TimedFills(Instant time, List<Fill> fills) {
    }

    /** Every period's candles the fills touch, in one multi-row upsert. */
    public void record(String symbol, List<TimedFills> results) {
        List<Object[]> rows = new ArrayList<>();
        for (KlineInterval interval : KlineInterval.values()) {
            Map<Instant, Candle> candles = new LinkedHashMap<>();
            for (TimedFills result : results) {
                for (Fill fill : result.fills()) {
                    candles.computeIfAbsent(interval.openOf(result.time()), t -> new Candle()).add(fill);
                }
            }
            candles.forEach((openTime, c) -> rows.add(new Object[] {symbol, interval.code(), Timestamp.from(openTime), c.open,
                    c.high, c.low, c.close, c.volume, c.quoteVolume, c.trades, c.firstTradeId, c.lastTradeId}));
        }
        BulkInsert.into(dataSource, """
                exchange_trade.klines (symbol, period, open_time, open_price, high_price, low_price, close_price, volume,
                    quote_volume, trades, first_trade_id, last_trade_id)""", rows, """
                ON DUPLICATE KEY UPDATE high_price = GREATEST(high_price, VALUES(high_price)),
                    low_price = LEAST(low_price, VALUES(low_price)), close_price = VALUES(close_price),
                    volume = volume + VALUES(volume), quote_volume = quote_volume + VALUES(quote_volume),
                    trades = trades + VALUES(trades), last_trade_id = VALUES(last_trade_id)""");
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
