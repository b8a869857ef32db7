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
public class TradingCoreInvariantTest {
    static final int BTC = 0;
    static final int ETH = 1;
    static final int USDT = 2;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void moneyIsNeitherMadeNorLost(long seed) {
        List<Command> commands = commands(seed, 6_000);
        EventRecorder recorder = new EventRecorder();
        TradingCore core = new TradingCore(recorder);
        Map<String, long[]> projected = new HashMap<>();
        int accepted = 0;
        int trades = 0;
        for (Command command : commands) {
            long before = core.stateHash();
            ResultCode code = command.applyTo(core);
            List<EngineEvent> events = recorder.drain();
            boolean rejected = events.size() == 1 && events.get(0) instanceof EngineEvent.Rejected;
            assertEquals(rejected, !code.accepted(), "a command is rejected exactly when its answer says so");
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

        // The replay reads the commands back from their journal form, so the codec carries every field.
        TradingCore again = new TradingCore(new EventRecorder());
        for (Command c : commands) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                Command.writeTagged(c, out);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            Command read;
            try {
                read = Command.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            assertEquals(c, read, "a command read back from its bytes");
            read.applyTo(again);
        }
        assertEquals(core.stateHash(), again.stateHash(), "a replay ends in the same state");
    }

    /** Cut anywhere, written and read back, the core goes on exactly as the one that never stopped. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void aSnapshotGoesOnAsTheCoreItWasTakenFrom(long seed) throws java.io.IOException {
        List<Command> commands = commands(seed, 5_000);
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
            commands.get(i).applyTo(core);
            if (restored != null) {
                commands.get(i).applyTo(restored);
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
    public static List<Command> commands(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Command> out = new ArrayList<>();
        out.add(new Command.AddAsset(BTC));
        out.add(new Command.AddAsset(ETH));
        out.add(new Command.AddAsset(USDT));
        out.add(new Command.AddMarket(0, BTC, USDT, 1_000, 10, 100_000, 200_000, 5_000_000));
        out.add(new Command.AddMarket(1, ETH, USDT, 100, 1, 0, 750_000, 10_000_000));
        out.add(new Command.AddMarket(2, ETH, BTC, 100, 3, 2_000_000, 0, 0));
        out.add(new Command.SetUserFees(3, 0, 0));
        // Limits that some orders pass and some do not; user 5 at a level that cannot trade BTC-quoted markets.
        out.add(new Command.SetLevelLimits(0, USDT, 60_000, 900_000));
        out.add(new Command.SetLevelLimits(0, BTC, 5_000, 40_000));
        out.add(new Command.SetLevelLimits(1, USDT, 200_000, 5_000_000));
        out.add(new Command.SetUserLevel(4, 1));
        out.add(new Command.SetUserLevel(5, 2));
        out.add(new Command.SetLevelLimits(2, USDT, 60_000, 900_000));
        long[] clock = {1_700_000_000_000L};
        long[] nextId = {1};
        List<Long> withdrawals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock[0] += rnd.nextInt(60_000) + (rnd.nextInt(500) == 0 ? 86_400_000L : 0);
            long time = clock[0];
            out.add(new Command.SetTime(time));
            long user = 1 + rnd.nextInt(8);
            int market = rnd.nextInt(3);
            double p = rnd.nextDouble();
            long id = nextId[0]++;
            if (p < 0.06) {
                int asset = rnd.nextInt(3);
                long amount = 1 + rnd.nextLong(asset == USDT ? 2_000_000 : 20_000);
                out.add(new Command.Deposit(user, asset, amount, id));
            } else if (p < 0.08) {
                int asset = rnd.nextInt(3);
                long amount = 1 + rnd.nextLong(30_000);
                out.add(new Command.FreezeWithdrawal(id, user, asset, amount));
                withdrawals.add(id);
            } else if (p < 0.10 && !withdrawals.isEmpty()) {
                long w = withdrawals.get(rnd.nextInt(withdrawals.size()));
                boolean complete = rnd.nextBoolean();
                out.add(complete ? new Command.CompleteWithdrawal(w) : new Command.ReleaseWithdrawal(w));
            } else if (p < 0.11) {
                int asset = rnd.nextInt(3);
                long delta = rnd.nextLong(-5_000, 5_000);
                out.add(new Command.Adjust(user, asset, delta, id));
            } else if (p < 0.28) {
                long target = id - 1 - rnd.nextInt(60);
                out.add(new Command.Cancel(target, user));
            } else if (p < 0.36) {
                long target = id - 1 - rnd.nextInt(60);
                long price = 90 + rnd.nextInt(25);
                out.add(new Command.Move(target, user, price));
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
                out.add(new Command.Place(id, user, market, s, type, tif, price, reserve, lots, budget, stp, clientId));
            }
        }
        return out;
    }
}
