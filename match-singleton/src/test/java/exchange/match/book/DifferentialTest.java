package exchange.match.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast book against the reference book on seeded random command streams: every order type,
 * time in force and self-trade mode, cancels of live, dead, foreign and unknown ids, duplicate
 * ids. Every command must produce the same results in the same order, and the books must hash
 * the same throughout.
 */
class DifferentialTest {
    static final int COMMANDS = 120_000;

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261126L})
    void fastBookMatchesReferenceBook(long seed) {
        Random random = new Random(seed);
        OrderBook fast = new OrderBook();
        ReferenceBook reference = new ReferenceBook();
        RecordingListener fastOut = new RecordingListener();
        RecordingListener referenceOut = new RecordingListener();
        List<long[]> placed = new ArrayList<>(); // {orderId, userId}
        long nextId = 1;
        int trades = 0;
        for (int n = 0; n < COMMANDS; n++) {
            int pick = random.nextInt(100);
            if (pick >= 90 && !placed.isEmpty()) {
                long[] target = placed.get(random.nextInt(placed.size()));
                long userId = random.nextInt(10) == 0 ? 1 + random.nextInt(12) : target[1];
                long mid = 10_000 + (long) (Math.sin(n / 5_000.0) * 300);
                long newPrice = mid + random.nextInt(80) - 40;
                fast.move(target[0], userId, newPrice, fastOut);
                reference.move(target[0], userId, newPrice, referenceOut);
            } else if (pick < 22 && !placed.isEmpty()) {
                long[] target = placed.get(random.nextInt(placed.size()));
                long userId = random.nextInt(10) == 0 ? 1 + random.nextInt(12) : target[1]; // sometimes not the owner
                long orderId = random.nextInt(50) == 0 ? nextId + 1000 : target[0];           // sometimes never placed
                fast.cancel(orderId, userId, fastOut);
                reference.cancel(orderId, userId, referenceOut);
            } else {
                long orderId = random.nextInt(200) == 0 && !placed.isEmpty()
                        ? placed.get(random.nextInt(placed.size()))[0] : nextId++;
                long userId = 1 + random.nextInt(12);
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                int kind = random.nextInt(100);
                OrderType type = kind < 60 ? OrderType.LIMIT : kind < 75 ? OrderType.LIMIT_MAKER
                        : kind < 88 ? OrderType.MARKET : OrderType.MARKET_QUOTE;
                if (type == OrderType.MARKET_QUOTE) {
                    side = Side.BUY;
                }
                int t = random.nextInt(10);
                TimeInForce tif = t < 7 ? TimeInForce.GTC : t < 9 ? TimeInForce.IOC : TimeInForce.FOK;
                SelfTradePrevention stp = SelfTradePrevention.values()[random.nextInt(4)];
                // Prices drift around 10 000 ticks so both sides keep crossing and resting.
                long mid = 10_000 + (long) (Math.sin(n / 5_000.0) * 300);
                long price = mid + (side == Side.BUY ? -1 : 1) * (random.nextInt(60) - 20);
                long quantity = 1 + random.nextInt(random.nextInt(10) == 0 ? 5_000 : 200);
                long quote = (1 + random.nextInt(100)) * mid + random.nextInt((int) mid);
                fast.place(orderId, userId, side, type, tif, price, quantity, quote, stp, fastOut);
                reference.place(orderId, userId, side, type, tif, price, quantity, quote, stp, referenceOut);
                placed.add(new long[] {orderId, userId});
            }
            assertEquals(referenceOut.lines, fastOut.lines, "command " + n + " (seed " + seed + ")");
            trades += (int) fastOut.lines.stream().filter(l -> l.startsWith("T ")).count();
            fastOut.lines.clear();
            referenceOut.lines.clear();
            if (n % 1_000 == 0) {
                assertEquals(reference.stateHash(), fast.stateHash(), "state after command " + n);
                for (Side s : Side.values()) {
                    long[] fp = new long[20], fq = new long[20], rp = new long[20], rq = new long[20];
                    int[] fo = new int[20], ro = new int[20];
                    assertEquals(reference.depth(s, rp, rq, ro), fast.depth(s, fp, fq, fo));
                    assertEquals(java.util.Arrays.toString(rp) + java.util.Arrays.toString(rq) + java.util.Arrays.toString(ro),
                            java.util.Arrays.toString(fp) + java.util.Arrays.toString(fq) + java.util.Arrays.toString(fo));
                }
            }
        }
        assertEquals(reference.stateHash(), fast.stateHash());
        assertEquals(reference.restingOrders(), fast.restingOrders());
        assertTrue(trades > COMMANDS / 4, "the stream really matched (" + trades + " trades)");
        assertTrue(fast.restingOrders() > 50, "and really rested orders (" + fast.restingOrders() + ")");
    }
}
