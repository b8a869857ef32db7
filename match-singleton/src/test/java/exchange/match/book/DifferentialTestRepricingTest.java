package exchange.match.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast book against the reference book on streams shaped like the benchmark's: a wide book
 * (hundreds of levels a side, so searches go past the best levels), moves by a tick or a few
 * (a lone order's level slides to its new price, or joins a neighbour, or stays put), moves that
 * cross, cancels, and a phase where the book grows past 10,000 orders (the id index grows) and
 * shrinks back, and a few orders far from the touch (sides spanning thousands of ticks). Same
 * events for every command, same books throughout.
 */
class DifferentialTestRepricingTest {
    static final int COMMANDS = 100_000;

    @ParameterizedTest
    @ValueSource(longs = {3L, 77L, 20261127L})
    void fastBookMatchesReferenceBook(long seed) {
        Random random = new Random(seed);
        OrderBook fast = new OrderBook();
        ReferenceBook reference = new ReferenceBook();
        RecordingListener fastOut = new RecordingListener();
        RecordingListener referenceOut = new RecordingListener();
        List<long[]> live = new ArrayList<>(); // {orderId, userId, price}; may hold dead orders too
        long nextId = 1;
        int moves = 0;
        int trades = 0;
        int maxResting = 0;
        for (int n = 0; n < COMMANDS; n++) {
            boolean growing = n > COMMANDS / 4 && n < COMMANDS / 2;
            long mid = 10_000 + (long) (Math.sin(n / 30_000.0) * 100);
            int pick = random.nextInt(100);
            if (pick < (growing ? 0 : 36) && !live.isEmpty()) {
                int at = random.nextInt(live.size());
                long[] target = live.get(at);
                fast.cancel(target[0], target[1], fastOut);
                reference.cancel(target[0], target[1], referenceOut);
                live.set(at, live.get(live.size() - 1));
                live.remove(live.size() - 1);
            } else if (pick < (growing ? 20 : 66) && !live.isEmpty()) {
                long[] target = live.get(random.nextInt(live.size()));
                int how = random.nextInt(20);
                long newPrice;
                if (how == 0) {
                    newPrice = target[2]; // same price
                } else if (how < 3) {
                    newPrice = mid + random.nextInt(41) - 20; // may cross
                } else {
                    newPrice = target[2] + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(random.nextInt(4) == 0 ? 30 : 3));
                }
                target[2] = newPrice;
                fast.move(target[0], target[1], newPrice, fastOut);
                reference.move(target[0], target[1], newPrice, referenceOut);
                moves++;
            } else {
                long orderId = nextId++;
                long userId = 1 + random.nextInt(50);
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                boolean ioc = !growing && random.nextInt(20) == 0;
                int spread = 1 + random.nextInt(random.nextInt(5) == 0 ? 600 : 40) + (growing ? 150 : 0);
                long price = mid + (side == Side.BUY ? -1 : 1) * (ioc ? -random.nextInt(10) : random.nextInt(spread));
                if (!ioc && random.nextInt(100) == 0) {
                    // far from the touch, so a side spans many thousands of ticks (and many chunks)
                    price = mid + (side == Side.BUY ? -1 : 1) * (1_000 + random.nextInt(side == Side.BUY ? 9_000 : 1_000_000));
                }
                long quantity = 1 + random.nextInt(6) * random.nextInt(6) * random.nextInt(6);
                SelfTradePrevention stp = random.nextInt(4) == 0
                        ? SelfTradePrevention.values()[random.nextInt(4)] : SelfTradePrevention.NONE;
                TimeInForce tif = ioc ? TimeInForce.IOC : TimeInForce.GTC;
                fast.place(orderId, userId, side, OrderType.LIMIT, tif, price, quantity, 0, stp, fastOut);
                reference.place(orderId, userId, side, OrderType.LIMIT, tif, price, quantity, 0, stp, referenceOut);
                live.add(new long[] {orderId, userId, price});
            }
            assertEquals(referenceOut.lines, fastOut.lines, "command " + n + " (seed " + seed + ")");
            trades += (int) fastOut.lines.stream().filter(l -> l.startsWith("T ")).count();
            fastOut.lines.clear();
            referenceOut.lines.clear();
            maxResting = Math.max(maxResting, fast.restingOrders());
            if (n % 1_000 == 0) {
                assertEquals(reference.stateHash(), fast.stateHash(), "state after command " + n);
                assertEquals(reference.restingOrders(), fast.restingOrders(), "orders after command " + n);
            }
        }
        assertEquals(reference.stateHash(), fast.stateHash());
        assertEquals(reference.restingOrders(), fast.restingOrders());
        assertTrue(trades > 2_000, "the stream really matched (" + trades + " trades)");
        assertTrue(moves > COMMANDS / 4, "and really moved orders (" + moves + ")");
        assertTrue(maxResting > 10_000, "and the book grew past 10,000 orders (" + maxResting + ")");
    }
}
