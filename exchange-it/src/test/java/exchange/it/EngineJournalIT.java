package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import exchange.match.core.Command;
import exchange.match.core.EngineEvent;
import exchange.match.journal.CommandBatch;
import exchange.match.journal.EngineState;
import exchange.match.journal.EventSink;
import exchange.match.journal.Outcome;
import exchange.match.journal.Replay;
import exchange.match.journal.RocketMqJournal;
import exchange.match.journal.Sequencer;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine's sequencer on the real broker's journal topic (one queue, SYNC_FLUSH): four client
 * threads trade through it while the broker is stopped and started; every command is answered
 * once the broker is back, and the journal alone (replayed from its start, or from a snapshot
 * taken mid-run) rebuilds the live engine's state and results exactly, a batch appended twice
 * counting once.
 */
class EngineJournalIT {
    private static final String TOPIC = "engine-journal-it";

    @Test
    void theJournalOnTheBrokerRebuildsTheEngineEvenAcrossABrokerRestart() throws Exception {
        try (RocketMqJournal journal = new RocketMqJournal("127.0.0.1:9876", TOPIC, "journal-it-" + System.nanoTime())) {
            journal.start();
            long start = journal.end();
            List<Outcome> delivered = Collections.synchronizedList(new ArrayList<>());
            long[] snapshotAt = {-1, -1};
            byte[][] snapshot = new byte[1][];
            Sequencer sequencer = new Sequencer(EngineState.empty(start), journal, (b, o) -> delivered.addAll(o),
                    System::currentTimeMillis, 1, (sequence, position, state) -> {
                        if (sequence > 1_000 && snapshot[0] == null) {
                            snapshotAt[0] = sequence;
                            snapshotAt[1] = position;
                            snapshot[0] = state;
                        }
                    }, 0);
            Thread engine = new Thread(sequencer, "engine-journal-it");
            engine.start();
            try {
                for (Command c : List.of(new Command.AddAsset(0), new Command.AddAsset(1),
                        new Command.AddMarket(0, 0, 1, 1_000, 10, 100_000, 200_000, 5_000_000))) {
                    assertEquals(0, sequencer.submit(c).get(10, TimeUnit.SECONDS).code().code(), c.toString());
                }
                List<CompletableFuture<Outcome>> answers = Collections.synchronizedList(new ArrayList<>());
                List<Thread> clients = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    long seed = t;
                    clients.add(new Thread(() -> {
                        SplittableRandom rnd = new SplittableRandom(seed);
                        for (int i = 0; i < 1_500; i++) {
                            answers.add(sequencer.submit(command(rnd, seed * 10_000 + i)));
                            sleep(2); // about 3 s of trading, so the broker's outage falls inside it
                        }
                    }));
                }
                clients.forEach(Thread::start);
                Thread.sleep(300);
                broker("stop");
                Thread.sleep(2_000);
                broker("start");
                for (Thread c : clients) {
                    c.join();
                }
                List<Outcome> outcomes = new ArrayList<>();
                for (CompletableFuture<Outcome> a : answers) {
                    outcomes.add(a.get(120, TimeUnit.SECONDS));
                }
                assertEquals(6_000, outcomes.size(), "every command answered");
                assertTrue(sequencer.unconfirmedAppends() > 0, "the broker's outage fell inside the run");
                assertTrue(outcomes.stream().anyMatch(o -> o.events().stream().anyMatch(EngineEvent.Traded.class::isInstance)),
                        "the clients traded");
                long live = sequencer.query(core -> core.stateHash()).get(10, TimeUnit.SECONDS);
                long liveSequence = outcomes.stream().mapToLong(Outcome::sequence).max().orElseThrow() + 1;

                // A copy of the last batch, as an unconfirmed append that did land leaves it.
                List<byte[]> last = new ArrayList<>();
                long end = journal.end();
                journal.read(end - 1, 1, (at, entry) -> last.add(entry));
                journal.append(last.get(0));

                EngineState replayed = EngineState.empty(start);
                List<Outcome> again = new ArrayList<>();
                Replay.toEnd(replayed, journal, (b, o) -> again.addAll(o), Long.MAX_VALUE);
                assertEquals(live, replayed.core().stateHash(), "the journal alone rebuilds the engine");
                assertEquals(liveSequence, replayed.sequence());
                assertEquals(delivered, again, "and hands on the same results in the same order");

                assertTrue(snapshot[0] != null, "a snapshot was taken");
                EngineState restored = EngineState.restore(snapshotAt[0], snapshotAt[1], snapshot[0]);
                Replay.checkSameJournal(journal, snapshotAt[0], snapshotAt[1]);
                Replay.toEnd(restored, journal, EventSink.NONE, Long.MAX_VALUE);
                assertEquals(live, restored.core().stateHash(), "a snapshot and the rest of the journal rebuild it");
                assertTrue(CommandBatch.decode(last.get(0)).next() == liveSequence, "the copy was the last batch");
            } finally {
                sequencer.stop();
                engine.join(10_000);
            }
        }
    }

    /** Deposits, limit orders around one price and cancels, by 12 users. */
    private static Command command(SplittableRandom rnd, long n) {
        long user = 1 + rnd.nextInt(12);
        double p = rnd.nextDouble();
        if (p < 0.1) {
            return rnd.nextBoolean() ? new Command.Deposit(user, 0, 1 + rnd.nextLong(200_000), n)
                    : new Command.Deposit(user, 1, 1 + rnd.nextLong(20_000_000), n);
        }
        if (p < 0.25) {
            return new Command.Cancel(1 + rnd.nextLong(Math.max(1, n % 10_000)), user);
        }
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        return new Command.Place(0, user, 0, side, OrderType.LIMIT, TimeInForce.GTC, 95 + rnd.nextInt(10), 0,
                1 + rnd.nextInt(20), 0, SelfTradePrevention.NONE, rnd.nextInt(4) == 0 ? "c" + n : null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void broker(String action) throws Exception {
        File root = new File(System.getProperty("exchange.root", "."));
        Process p = new ProcessBuilder("bash", new File(root, "exchange").getPath(), "broker", action)
                .directory(root).inheritIO().start();
        assertEquals(0, p.waitFor(), "./exchange broker " + action);
    }
}
