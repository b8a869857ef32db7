package exchange.match.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import exchange.match.core.Command;
import exchange.match.core.EngineEvent;
import exchange.match.core.ResultCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sequencer on a journal that can be made to fail: commands from several threads are
 * journaled before they are answered, a replay of the journal ends in the live engine's state with
 * the same results, a batch appended twice counts once, a snapshot plus the rest of the journal
 * restores the engine, and what was not journaled when it stops is refused, never half-done.
 */
class SequencerTest {
    private final MemoryJournal journal = new MemoryJournal();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final List<Outcome> delivered = Collections.synchronizedList(new ArrayList<>());
    private final EventSink sink = (batch, outcomes) -> delivered.addAll(outcomes);
    private Sequencer sequencer;
    private Thread thread;

    private Sequencer start(EngineState state, Sequencer.SnapshotWriter snapshots) {
        sequencer = new Sequencer(state, journal, sink, clock::get, 1, snapshots, 0);
        thread = new Thread(sequencer, "sequencer-test");
        thread.start();
        return sequencer;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (sequencer != null) {
            sequencer.stop();
            thread.join(5_000);
        }
    }

    @Test
    void commandsFromManyThreadsAreJournaledBeforeTheyAreAnsweredAndReplayToTheSameState() throws Exception {
        Sequencer s = start(EngineState.empty(), null);
        List<Command> stream = exchange.match.core.TradingCoreInvariantTest.commands(21, 4_000);
        Map<Long, Integer> journalSizeAtAnswer = new ConcurrentHashMap<>();
        List<CompletableFuture<Outcome>> answers = Collections.synchronizedList(new ArrayList<>());
        // Reference data first, in order; then four threads race the rest.
        int head = 13;
        for (Command c : stream.subList(0, head)) {
            assertEquals(ResultCode.ACCEPTED, s.submit(c).get(5, TimeUnit.SECONDS).code(), c.toString());
        }
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int lane = t;
            clients.add(new Thread(() -> {
                for (int i = head + lane; i < stream.size(); i += 4) {
                    clock.addAndGet(7);
                    CompletableFuture<Outcome> answer = s.submit(stream.get(i));
                    answers.add(answer.thenApply(o -> {
                        journalSizeAtAnswer.put(o.sequence(), journal.size());
                        return o;
                    }));
                }
            }));
        }
        clients.forEach(Thread::start);
        for (Thread c : clients) {
            c.join();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Outcome> a : answers) {
            outcomes.add(a.get(10, TimeUnit.SECONDS));
        }
        assertEquals(stream.size() - head, outcomes.size());
        assertTrue(outcomes.stream().anyMatch(o -> !o.code().accepted()), "some commands are refused");
        assertTrue(outcomes.stream().anyMatch(o -> o.events().stream().anyMatch(EngineEvent.Traded.class::isInstance)),
                "some commands trade");

        // Each answered command was in an entry the journal held when the answer went out.
        List<CommandBatch> entries = entries(journal);
        for (Outcome o : outcomes) {
            int entry = entryOf(entries, o.sequence());
            assertTrue(entry < journalSizeAtAnswer.get(o.sequence()), "answered before journaled: " + o);
            assertEquals(o.command(), entries.get(entry).commands().get((int) (o.sequence() - entries.get(entry).sequence())));
        }
        assertTrue(entries.size() < stream.size(), "commands arriving together share an entry: " + entries.size());

        long live = s.query(core -> core.stateHash()).get(5, TimeUnit.SECONDS);
        EngineState replayed = EngineState.empty();
        List<Outcome> again = new ArrayList<>();
        Replay.toEnd(replayed, journal, (batch, o) -> again.addAll(o), Long.MAX_VALUE);
        assertEquals(live, replayed.core().stateHash(), "the replay ends in the live state");
        assertEquals(delivered, again, "the replay hands on the same results in the same order");
    }

    @Test
    void newOrdersGetIncreasingIdsInJournalOrder() throws Exception {
        Sequencer s = start(EngineState.empty(), null);
        s.submit(new Command.AddAsset(0)).get();
        s.submit(new Command.AddAsset(1)).get();
        s.submit(new Command.AddMarket(0, 0, 1, 1, 1, 0, 0, 0)).get();
        s.submit(new Command.Deposit(7, 1, 1_000_000, 1)).get();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Outcome o = s.submit(new Command.Place(0, 7, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10 + i, 0, 1, 0,
                    SelfTradePrevention.NONE, null)).get();
            assertEquals(ResultCode.ACCEPTED, o.code());
            ids.add(((Command.Place) o.command()).orderId());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids);
        assertEquals(5L, (long) s.query(core -> (long) core.openOrders()).get());
    }

    @Test
    void aBatchTheJournalDidNotConfirmIsAppendedAgainAndCountsOnce() throws Exception {
        journal.failOutright = 2;
        journal.landButFail = 2;
        Sequencer s = start(EngineState.empty(), null);
        assertEquals(ResultCode.ACCEPTED, s.submit(new Command.AddAsset(0)).get(10, TimeUnit.SECONDS).code());
        Outcome deposit = s.submit(new Command.Deposit(7, 0, 500, 9)).get(10, TimeUnit.SECONDS);
        assertEquals(ResultCode.ACCEPTED, deposit.code());
        assertEquals(500L, (long) s.query(core -> core.available(7, 0)).get());
        assertTrue(journal.size() > 2, "the unconfirmed batches are in the journal twice: " + journal.size());

        EngineState replayed = EngineState.empty();
        Replay.toEnd(replayed, journal, EventSink.NONE, Long.MAX_VALUE);
        assertEquals(500L, replayed.core().available(7, 0), "credited once");
        assertEquals(s.query(core -> core.stateHash()).get(), replayed.core().stateHash());
    }

    @Test
    void aSnapshotAndTheRestOfTheJournalRestoreTheEngine() throws Exception {
        long[] snapshotAt = new long[2];
        byte[][] snapshot = new byte[1][];
        Sequencer s = start(EngineState.empty(), (sequence, position, state) -> {
            if (sequence > 500 && snapshot[0] == null) {
                snapshotAt[0] = sequence;
                snapshotAt[1] = position;
                snapshot[0] = state;
            }
        });
        for (Command c : exchange.match.core.TradingCoreInvariantTest.commands(33, 1_500)) {
            s.submit(c).get(5, TimeUnit.SECONDS);
        }
        long live = s.query(core -> core.stateHash()).get();
        assertTrue(snapshot[0] != null && snapshotAt[0] < s.query(c -> 0L).thenApply(x -> sequencer.state().sequence()).get(),
                "a snapshot was taken mid-stream");

        EngineState restored = EngineState.restore(snapshotAt[0], snapshotAt[1], snapshot[0]);
        Replay.checkSameJournal(journal, snapshotAt[0], snapshotAt[1]);
        Replay.toEnd(restored, journal, EventSink.NONE, Long.MAX_VALUE);
        assertEquals(live, restored.core().stateHash(), "snapshot + journal = the live engine");

        MemoryJournal other = new MemoryJournal();
        other.append(new CommandBatch(1, 0, List.of(new Command.AddAsset(0))).encode());
        assertThrows(Replay.JournalReplaced.class, () -> Replay.checkSameJournal(other, snapshotAt[0], snapshotAt[1]),
                "a snapshot does not fit another journal");
    }

    @Test
    void whatWasNotJournaledWhenTheEngineStopsIsRefusedAndNeverApplied() throws Exception {
        journal.failOutright = Integer.MAX_VALUE;
        Sequencer s = start(EngineState.empty(), null);
        CompletableFuture<Outcome> waiting = s.submit(new Command.AddAsset(0));
        Thread.sleep(100);
        s.stop();
        thread.join(5_000);
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertInstanceOf(Sequencer.EngineUnavailable.class, e.getCause());
        ExecutionException late = assertThrows(ExecutionException.class, () -> s.submit(new Command.AddAsset(1)).get());
        assertInstanceOf(Sequencer.EngineUnavailable.class, late.getCause());
        assertEquals(0, journal.size());
        assertEquals(0, delivered.size());
    }

    @Test
    void aBatchThatSkipsCommandsIsRefusedByTheReplay() throws Exception {
        journal.append(new CommandBatch(1, 0, List.of(new Command.AddAsset(0))).encode());
        journal.append(new CommandBatch(1, 5, List.of(new Command.AddAsset(1))).encode());
        assertThrows(Journal.JournalException.class, () -> Replay.toEnd(EngineState.empty(), journal, EventSink.NONE,
                Long.MAX_VALUE));
    }

    @Test
    void anEntryThatIsNotABatchIsSkippedAndTheRestApplies() throws Exception {
        journal.append(new CommandBatch(1, 0, List.of(new Command.AddAsset(0))).encode());
        journal.append("not a batch".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        journal.append(new CommandBatch(1, 1, List.of(new Command.AddAsset(1))).encode());
        EngineState state = EngineState.empty();
        assertEquals(2, Replay.toEnd(state, journal, EventSink.NONE, Long.MAX_VALUE));
        assertEquals(2, state.sequence());
        assertEquals(3, state.position());
    }

    @Test
    void anEntryOfADeposedLeaderDoesNotCount() throws Exception {
        journal.append(new CommandBatch(2, 0, List.of(new Command.AddAsset(0))).encode());
        journal.append(new CommandBatch(1, 1, List.of(new Command.AddAsset(1))).encode());
        journal.append(new CommandBatch(2, 1, List.of(new Command.AddAsset(2))).encode());
        EngineState state = EngineState.empty();
        Replay.toEnd(state, journal, EventSink.NONE, Long.MAX_VALUE);
        assertEquals(2, state.sequence());
        assertEquals(ResultCode.ALREADY_DEFINED, state.core().addAsset(2));
        assertEquals(ResultCode.ACCEPTED, state.core().addAsset(1), "the fenced-off entry's asset was never added");
    }

    @Test
    void anEngineDeposedByANewerEpochAnswersNothingMoreAsAccepted() throws Exception {
        Sequencer s = start(EngineState.empty(), null);
        assertEquals(ResultCode.ACCEPTED, s.submit(new Command.AddAsset(0)).get(5, TimeUnit.SECONDS).code());
        long at = s.query(core -> 0L).thenApply(x -> sequencer.state().sequence()).get();
        // Another engine took over (a newer epoch) and appended behind this one's back.
        journal.append(new CommandBatch(5, at, List.of(new Command.AddAsset(7))).encode());

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> s.submit(new Command.AddAsset(1)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(Sequencer.EngineUnavailable.class, refused.getCause());
        thread.join(5_000);
        assertTrue(!thread.isAlive(), "the deposed engine stopped");
        ExecutionException late = assertThrows(ExecutionException.class, () -> s.submit(new Command.AddAsset(2)).get());
        assertInstanceOf(Sequencer.EngineUnavailable.class, late.getCause());

        EngineState replayed = EngineState.empty();
        Replay.toEnd(replayed, journal, EventSink.NONE, Long.MAX_VALUE);
        assertEquals(ResultCode.ALREADY_DEFINED, replayed.core().addAsset(7), "the new leader's entry counts");
        assertEquals(ResultCode.ACCEPTED, replayed.core().addAsset(1), "the deposed engine's late batch does not");
    }

    @Test
    void entriesOfAnOlderEpochThatGotInFirstCountAndTheNewBatchFollowsThem() throws Exception {
        // A deposed leader's last entry landed after this engine had read the journal and before its first append.
        journal.append(new CommandBatch(1, 0, List.of(new Command.AddAsset(0), new Command.Deposit(7, 0, 300, 1))).encode());
        sequencer = new Sequencer(EngineState.empty(), journal, sink, clock::get, 2, null, 0);
        thread = new Thread(sequencer, "sequencer-test");
        thread.start();
        Outcome deposit = sequencer.submit(new Command.Deposit(7, 0, 200, 2)).get(5, TimeUnit.SECONDS);
        assertEquals(ResultCode.ACCEPTED, deposit.code(), "numbered again behind the entry that got in first");
        assertEquals(500L, (long) sequencer.query(core -> core.available(7, 0)).get());
        assertTrue(delivered.stream().anyMatch(o -> o.command() instanceof Command.Deposit d && d.amount() == 300),
                "the other writer's results were handed on too");

        EngineState replayed = EngineState.empty();
        Replay.toEnd(replayed, journal, EventSink.NONE, Long.MAX_VALUE);
        assertEquals(500L, replayed.core().available(7, 0), "the replay applies what was answered, once");
        assertEquals(sequencer.query(core -> core.stateHash()).get(), replayed.core().stateHash());
    }

    private static List<CommandBatch> entries(MemoryJournal journal) throws Journal.JournalException {
        List<CommandBatch> out = new ArrayList<>();
        journal.read(0, Long.MAX_VALUE, (at, e) -> out.add(CommandBatch.decode(e)));
        return out;
    }

    private static int entryOf(List<CommandBatch> entries, long sequence) {
        for (int i = 0; i < entries.size(); i++) {
            if (sequence >= entries.get(i).sequence() && sequence < entries.get(i).next()) {
                return i;
            }
        }
        throw new AssertionError("no entry holds command " + sequence);
    }
}
