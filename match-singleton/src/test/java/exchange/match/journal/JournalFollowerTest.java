package exchange.match.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.match.core.Command;
import exchange.match.core.ResultCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The hot standby: it follows the leader's journal entry by entry, and on takeover hands on the
 * results the dead leader journaled but never handed on, then leads under a newer epoch from
 * where it stands, with no replay, ending in the state a replay of the journal gives.
 */
class JournalFollowerTest {
    private final MemoryJournal journal = new MemoryJournal();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    @Test
    void aStandbyThatFollowedTakesOverWhereTheLeaderStoppedAndHandsOnWhatItLeftUndelivered() throws Exception {
        List<Long> handedOnByLeader = Collections.synchronizedList(new ArrayList<>());
        Sequencer leader = new Sequencer(EngineState.empty(), journal,
                (batch, outcomes) -> outcomes.forEach(o -> handedOnByLeader.add(o.sequence())), clock::get, 1, null, 0);
        Thread leading = new Thread(leader, "leader");
        leading.start();
        JournalFollower standby = new JournalFollower(EngineState.empty(), journal, 1_000);
        List<Command> stream = exchange.match.core.TradingCoreInvariantTest.commands(5, 1_200);
        for (int i = 0; i < stream.size(); i++) {
            clock.addAndGet(3);
            leader.submit(stream.get(i)).get(5, TimeUnit.SECONDS);
            if (i % 100 == 0) {
                standby.follow(Long.MAX_VALUE);
            }
        }
        leader.stop();
        leading.join(5_000);
        long handedOnUpTo = handedOnByLeader.get(handedOnByLeader.size() - 1) + 1;
        // The leader's last act: a batch journaled, then it died before handing the results on.
        long next = handedOnUpTo;
        journal.append(new CommandBatch(1, next, List.of(new Command.AddAsset(90))).encode());

        List<Long> handedOnAtTakeover = Collections.synchronizedList(new ArrayList<>());
        EventSink sink = (batch, outcomes) -> outcomes.forEach(o -> handedOnAtTakeover.add(o.sequence()));
        Sequencer successor = standby.promote(handedOnUpTo, sink, clock::get, null, 0);
        assertEquals(List.of(next), handedOnAtTakeover, "only what the leader journaled and never handed on");
        Thread succeeding = new Thread(successor, "successor");
        succeeding.start();
        try {
            assertEquals(ResultCode.ACCEPTED, successor.submit(new Command.AddAsset(91)).get(5, TimeUnit.SECONDS).code());
            assertEquals(ResultCode.ALREADY_DEFINED, successor.submit(new Command.AddAsset(90)).get(5, TimeUnit.SECONDS).code(),
                    "the dead leader's last batch counts");
            long live = successor.query(core -> core.stateHash()).get(5, TimeUnit.SECONDS);
            EngineState replayed = EngineState.empty();
            Replay.toEnd(replayed, journal, EventSink.NONE, Long.MAX_VALUE);
            assertEquals(live, replayed.core().stateHash(), "the successor is what a replay of the journal is");
            assertEquals(2, replayed.epoch(), "it leads under a newer epoch");
            assertTrue(handedOnAtTakeover.size() > 1, "and hands on its own results");
        } finally {
            successor.stop();
            succeeding.join(5_000);
        }
    }

    @Test
    void aStandbyThatKeptTooLittleRefusesToTakeOverWithoutAReplay() throws Exception {
        for (int i = 0; i < 5; i++) {
            journal.append(new CommandBatch(1, i, List.of(new Command.AddAsset(i))).encode());
        }
        JournalFollower standby = new JournalFollower(EngineState.empty(), journal, 2);
        standby.follow(Long.MAX_VALUE);
        assertEquals(3, standby.keptFrom());
        List<Long> handedOn = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> standby.promote(1, (b, o) -> o.forEach(x -> handedOn.add(x.sequence())),
                clock::get, null, 0));
        assertEquals(List.of(), handedOn, "nothing handed on");
    }
}
