package exchange.match.journal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The hot standby's engine: it applies the journal as the leader writes it, so taking over needs
 * no replay beyond the last few entries. It hands nothing on while it follows (the leader does),
 * but keeps the outcomes of the last {@code kept} entries: a leader that died after journaling a
 * batch and before handing its results on leaves them to the one that takes over, which hands on
 * whatever the receivers have not confirmed ({@link #promote}).
 */
public final class JournalFollower {
    private final EngineState state;
    private final Journal journal;
    private final int kept;
    private final Deque<Applied> recent = new ArrayDeque<>();

    private record Applied(CommandBatch batch, List<Outcome> outcomes) {
    }

    /** The state to follow with (a snapshot restored, or empty), and how many entries' outcomes to keep. */
    public JournalFollower(EngineState state, Journal journal, int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("keep at least one entry's outcomes");
        }
        this.state = state;
        this.journal = journal;
        this.kept = kept;
    }

    /** Applies what the journal holds past this state, at most {@code max} entries; returns the entries that counted. */
    public long follow(long max) throws Journal.JournalException {
        return Replay.toEnd(state, journal, (batch, outcomes) -> {
            recent.addLast(new Applied(batch, outcomes));
            if (recent.size() > kept) {
                recent.removeFirst();
            }
        }, state.position() + max);
    }

    /** The sequence of the oldest command whose outcome is still kept; the state's sequence when none is. */
    public long keptFrom() {
        return recent.isEmpty() ? state.sequence() : recent.peekFirst().batch().sequence();
    }

    /**
     * Takes over: reads the journal to its end, hands on the kept results from command
     * {@code handedOnUpTo} (the receivers' own confirmed mark) on, and returns a sequencer that
     * leads under an epoch newer than any in the journal. Fails, handing nothing on, when the
     * receivers are further behind than what is kept: that takeover must restore and replay
     * instead (as a start does).
     */
    public Sequencer promote(long handedOnUpTo, EventSink sink, LongSupplier clock, Sequencer.SnapshotWriter snapshots,
                             long snapshotEveryMillis) throws Journal.JournalException {
        // To the end as it is now; what a dying leader appends later, the new sequencer's first
        // append finds in front of its own batch and applies (an older epoch that got in first).
        long end = journal.end();
        while (state.position() < end) {
            follow(end - state.position());
        }
        if (handedOnUpTo < keptFrom()) {
            throw new IllegalStateException("the receivers are at command " + handedOnUpTo + " but outcomes are kept only from "
                    + keptFrom() + ": restore and replay instead");
        }
        for (Applied a : recent) {
            if (a.batch().next() > handedOnUpTo) {
                sink.beforeAnswers(a.batch(), a.outcomes());
                sink.applied(a.batch(), a.outcomes());
            }
        }
        recent.clear();
        return new Sequencer(state, journal, sink, clock, state.epoch() + 1, snapshots, snapshotEveryMillis);
    }

    /** The followed state; only for the thread that follows. */
    public EngineState state() {
        return state;
    }
}
