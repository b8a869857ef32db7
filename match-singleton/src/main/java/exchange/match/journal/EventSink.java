package exchange.match.journal;

import java.util.List;

/**
 * Where the engine's results go after a batch is applied (the transport to the projections and
 * streams). Called on the engine's thread in journal order, live and in replay alike; results of
 * a replay may have been delivered before, so receivers dedupe by sequence.
 */
public interface EventSink {
    /**
     * What must be recorded before the batch's callers hear their answers (whose commands these
     * were, for read-your-writes): quick, on the engine's thread. Then {@link #applied}.
     */
    default void beforeAnswers(CommandBatch batch, List<Outcome> outcomes) {
    }

    /** The results handed on; in a live engine after the callers were answered. */
    void applied(CommandBatch batch, List<Outcome> outcomes);

    EventSink NONE = (batch, outcomes) -> { };
}
