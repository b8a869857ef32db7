package exchange.api.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.api.event.AssetChanged;
import exchange.api.event.BalancesChanged;
import exchange.api.event.DomainEvent;
import exchange.api.event.OrderActivity;
import exchange.api.event.OrderCancelled;
import exchange.api.event.OrderCreated;
import exchange.api.event.OrderFilled;
import exchange.api.event.OrderPartiallyFilled;
import exchange.api.event.TradeFeeCalculated;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch event's JSON brings back every event in it, typed, in the order consumers read them. */
class BatchEventCodecTest {
    private static final BigDecimal ONE = new BigDecimal("1.5");

    @Test
    void balancesChangedKeepsEveryChange() {
        BalancesChanged sent = new BalancesChanged(10, 12, List.of(
                new AssetChanged(7, "USDT", ONE.negate(), ONE, BigDecimal.TEN, ONE, "ORDER_FREEZE", "99"),
                new AssetChanged(8, "BTC", ONE, BigDecimal.ZERO, ONE, BigDecimal.ZERO, "TRADE", "X-1")));
        assertEquals(sent, EventCodec.fromJson(EventCodec.toJson(sent), BalancesChanged.class));
        assertEquals("BalancesChanged", sent.eventType());
    }

    @Test
    void orderActivityReadsCreatedThenExecutionsThenPartialsThenEndings() {
        OrderCreated created = new OrderCreated(1, 7, "BTCUSDT", "BUY", "LIMIT", "GTC", ONE, ONE, null, "NONE");
        TradeFeeCalculated execution = new TradeFeeCalculated(5, "BTCUSDT", 7, 1, "BTC", new BigDecimal("0.001"), false, ONE,
                ONE, ONE, ONE, "FILLED");
        OrderPartiallyFilled partial = new OrderPartiallyFilled(2, 8, "BTCUSDT", ONE, ONE);
        OrderFilled filled = new OrderFilled(1, 7, "BTCUSDT", ONE, ONE);
        OrderCancelled cancelled = new OrderCancelled(3, 9, "BTCUSDT", "CANCELED", "USER", BigDecimal.ZERO, ONE);
        OrderActivity sent = new OrderActivity(3, 4, List.of(created), List.of(execution), List.of(partial), List.of(filled),
                List.of(cancelled));

        OrderActivity read = EventCodec.fromJson(EventCodec.toJson(sent), OrderActivity.class);
        assertEquals(sent, read);
        List<DomainEvent> order = List.of(created, execution, partial, filled, cancelled);
        assertEquals(order, read.events());
        assertEquals(5, read.size());
    }
}
