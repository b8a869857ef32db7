package exchange.match.journal;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Rebuilds the engine from a snapshot (or from nothing) and the journal after it: what a start, a
 * standby and {@code ./exchange replay} do. Every entry's outcomes go to the sink again, so a
 * projection that missed the end of the last run gets it now (and skips what it already has).
 */
public final class Replay {
    private static final Logger LOG = Logger.getLogger(Replay.class.getName());

    /** The journal does not hold the entry the snapshot was taken after: it is not that journal. */
    public static final class JournalReplaced extends IOException {
        JournalReplaced(String message) {
            super(message);
        }
    }

    private Replay() {
    }

    /**
     * Checks that the journal is the one the snapshot was taken from: the entry just before the
     * snapshot's position must end at the snapshot's sequence.
     */
    public static void checkSameJournal(Journal journal, long sequence, long position)
            throws Journal.JournalException, IOException {
        if (position == 0) {
            return;
        }
        long[] endsAt = {-1};
        journal.read(position - 1, 1, (at, entry) -> endsAt[0] = CommandBatch.decode(entry).next());
        if (endsAt[0] != sequence) {
            throw new JournalReplaced("the journal's entry " + (position - 1) + (endsAt[0] < 0 ? " is missing"
                    : " ends at command " + endsAt[0]) + ", the snapshot at " + sequence);
        }
    }

    /** Applies every entry from the state's position to the journal's end; returns how many counted. */
    public static long toEnd(EngineState state, Journal journal, EventSink sink, long untilPosition)
            throws Journal.JournalException {
        long[] counted = {0};
        journal.read(state.position(), Math.max(0, untilPosition - state.position()), (at, entry) -> {
            CommandBatch batch;
            try {
                batch = CommandBatch.decode(entry);
            } catch (IOException notABatch) {
                // Only the engine writes the journal; anything else there (a stray producer, a damaged
                // entry) is skipped, loudly, rather than stopping every start at the same place.
                LOG.severe("journal entry " + at + " is not a command batch and is skipped: " + notABatch.getMessage());
                return;
            }
            var outcomes = state.apply(at, batch);
            if (outcomes != null) {
                counted[0]++;
                sink.beforeAnswers(batch, outcomes);
                sink.applied(batch, outcomes);
            }
        });
        return counted[0];
    }
}
