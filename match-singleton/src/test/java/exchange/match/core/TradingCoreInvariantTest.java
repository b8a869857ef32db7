package exchange.match.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random commands of every kind, by users who run short of money, over two markets that
 * share an asset, with the money rules checked after each one:
 * <ul>
 *   <li>no balance is ever negative;</li>
 *   <li>per asset, all accounts (the fee account included) hold exactly the supply: deposits and
 *       adjustments minus completed withdrawals; trading only moves money;</li>
 *   <li>each user's frozen amount equals what their open orders and pending withdrawals hold;</li>
 *   <li>balances rebuilt from the balance events alone equal the core's (what a projection does);</li>
 *   <li>a rejected command changes nothing; the same commands on a new core end in the same state.</li>
 * </ul>
 */
class TradingCoreInvariantTest {
    static final int BTC = 0;
    static final int ETH = 1;
    static final int USDT = 2;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void moneyIsNeitherMadeNorLost(long seed) {
        List<Consumer<TradingCore>> commands = commands(seed, 6_000);
        EventRecorder recorder = new EventRecorder();
        TradingCore core = new TradingCore(recorder);
        Map<String, long[]> projected = new HashMap<>();
        int accepted = 0;
        int trades = 0;
        for (Consumer<TradingCore> command : commands) {
            long before = core.stateHash();
            command.accept(core);
            List<EngineEvent> events = recorder.drain();
            boolean rejected = events.size() == 1 && events.get(0) instanceof EngineEvent.Rejected;
            if (rejected) {
                assertEquals(before, core.stateHash(), "a rejected command changed the state");
            } else {
                accepted++;
            }
            for (EngineEvent e : events) {
                if (e instanceof EngineEvent.BalanceChanged b) {
                    long[] row = projected.computeIfAbsent(b.userId() + "/" + b.asset(), k -> new long[2]);
                    row[0] += b.availableDelta();
                    row[1] += b.frozenDelta();
                } else if (e instanceof EngineEvent.Traded) {
                    trades++;
                }
            }
            checkInvariants(core, projected);
        }
        assertTrue(trades > 300, "the stream trades: " + trades);
        assertTrue(accepted < commands.size() * 0.95, "some commands run out of money: " + accepted + " of " + commands.size());

        TradingCore again = new TradingCore(new EventRecorder());
        commands.forEach(c -> c.accept(again));
        assertEquals(core.stateHash(), again.stateHash(), "a replay ends in the same state");
    }

    /** Cut anywhere, written and read back, the core goes on exactly as the one that never stopped. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void aSnapshotGoesOnAsTheCoreItWasTakenFrom(long seed) throws java.io.IOException {
        List<Consumer<TradingCore>> commands = commands(seed, 5_000);
        TradingCore core = new TradingCore(new EventRecorder());
        TradingCore restored = null;
        int cut = commands.size() / 2 + (int) seed;
        for (int i = 0; i < commands.size(); i++) {
            if (i == cut) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                CoreSnapshot.write(core, new java.io.DataOutputStream(bytes));
                restored = CoreSnapshot.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())),
                        new EventRecorder());
                assertEquals(core.stateHash(), restored.stateHash(), "restored state");
                assertTrue(core.openOrders() > 0, "the cut holds open orders");
            }
            commands.get(i).accept(core);
            if (restored != null) {
                commands.get(i).accept(restored);
            }
        }
        assertEquals(core.stateHash(), restored.stateHash(), "state after the rest of the stream");
    }

    private static void checkInvariants(TradingCore core, Map<String, long[]> projected) {
        long[] sums = new long[3];
        Map<String, long[]> actual = new HashMap<>();
        core.forEachBalance((user, asset, available, frozen) -> {
            assertTrue(available >= 0 && frozen >= 0, "negative balance of " + user + " in " + asset);
            sums[asset] += available + frozen;
            actual.put(user + "/" + asset, new long[] {available, frozen});
        });
        for (int asset = 0; asset < 3; asset++) {
            assertEquals(core.supply(asset), sums[asset], "accounts of asset " + asset + " sum to its supply");
        }
        Map<String, Long> holds = new HashMap<>();
        core.forEachHold((user, asset, amount) -> holds.merge(user + "/" + asset, amount, Long::sum));
        actual.forEach((key, row) -> assertEquals(holds.getOrDefault(key, 0L), row[1], "frozen = holds of " + key));
        projected.forEach((key, row) -> {
            long[] a = actual.getOrDefault(key, new long[2]);
            assertEquals(a[0], row[0], "projected available of " + key);
            assertEquals(a[1], row[1], "projected frozen of " + key);
        });
    }

    /** A seeded stream of commands; each is applied the same way to any core. */
    static List<Consumer<TradingCore>> commands(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Consumer<TradingCore>> out = new ArrayList<>();
        out.add(c -> c.addAsset(BTC));
        out.add(c -> c.addAsset(ETH));
        out.add(c -> c.addAsset(USDT));
        out.add(c -> c.addMarket(0, BTC, USDT, 1_000, 10, 100_000, 200_000, 5_000_000));
        out.add(c -> c.addMarket(1, ETH, USDT, 100, 1, 0, 750_000, 10_000_000));
        out.add(c -> c.addMarket(2, ETH, BTC, 100, 3, 2_000_000, 0, 0));
        out.add(c -> c.setUserFees(3, 0, 0));
        // Limits that some orders pass and some do not; user 5 at a level that cannot trade BTC-quoted markets.
        out.add(c -> c.setLevelLimits(0, USDT, 60_000, 900_000));
        out.add(c -> c.setLevelLimits(0, BTC, 5_000, 40_000));
        out.add(c -> c.setLevelLimits(1, USDT, 200_000, 5_000_000));
        out.add(c -> c.setUserLevel(4, 1));
        out.add(c -> c.setUserLevel(5, 2));
        out.add(c -> c.setLevelLimits(2, USDT, 60_000, 900_000));
        long[] clock = {1_700_000_000_000L};
        long[] nextId = {1};
        List<Long> withdrawals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock[0] += rnd.nextInt(60_000) + (rnd.nextInt(500) == 0 ? 86_400_000L : 0);
            long time = clock[0];
            out.add(c -> c.setTime(time));
            long user = 1 + rnd.nextInt(8);
            int market = rnd.nextInt(3);
            double p = rnd.nextDouble();
            long id = nextId[0]++;
            if (p < 0.06) {
                int asset = rnd.nextInt(3);
                long amount = 1 + rnd.nextLong(asset == USDT ? 2_000_000 : 20_000);
                out.add(c -> c.deposit(user, asset, amount, id));
            } else if (p < 0.08) {
                int asset = rnd.nextInt(3);
                long amount = 1 + rnd.nextLong(30_000);
                out.add(c -> c.freezeWithdrawal(id, user, asset, amount));
                withdrawals.add(id);
            } else if (p < 0.10 && !withdrawals.isEmpty()) {
                long w = withdrawals.get(rnd.nextInt(withdrawals.size()));
                boolean complete = rnd.nextBoolean();
                out.add(c -> {
                    if (complete) {
                        c.completeWithdrawal(w);
                    } else {
                        c.releaseWithdrawal(w);
                    }
                });
            } else if (p < 0.11) {
                int asset = rnd.nextInt(3);
                long delta = rnd.nextLong(-5_000, 5_000);
                out.add(c -> c.adjust(user, asset, delta, id));
            } else if (p < 0.28) {
                long target = id - 1 - rnd.nextInt(60);
                out.add(c -> c.cancel(target, user));
            } else if (p < 0.36) {
                long target = id - 1 - rnd.nextInt(60);
                long price = 90 + rnd.nextInt(25);
                out.add(c -> c.move(target, user, price));
            } else {
                Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                double k = rnd.nextDouble();
                OrderType type = k < 0.75 ? OrderType.LIMIT : k < 0.82 ? OrderType.LIMIT_MAKER
                        : k < 0.92 ? OrderType.MARKET : OrderType.MARKET_QUOTE;
                if (type == OrderType.MARKET_QUOTE) {
                    side = Side.BUY;
                }
                TimeInForce tif = type == OrderType.LIMIT ? TimeInForce.values()[rnd.nextInt(3)] : TimeInForce.IOC;
                long price = 90 + rnd.nextInt(20);
                long reserve = side == Side.BUY && rnd.nextInt(4) == 0 ? price + rnd.nextInt(8) : 0;
                long lots = 1 + rnd.nextInt(40);
                long budget = 1 + rnd.nextInt(3_000);
                SelfTradePrevention stp = SelfTradePrevention.values()[rnd.nextInt(4)];
                Side s = side;
                // Some orders name themselves; a few reuse a name (a retry) and must be refused.
                String clientId = rnd.nextInt(3) == 0 ? "c" + (rnd.nextInt(10) == 0 ? id - 1 - rnd.nextInt(30) : id) : null;
                out.add(c -> c.place(id, user, market, s, type, tif, price, reserve, lots, budget, stp, clientId));
            }
        }
        return out;
    }
}
