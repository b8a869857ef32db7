package exchange.match.journal;

import java.util.List;

/**
 * Where the engine's results go after a batch is applied (the transport to the projections and
 * streams). Called on the engine's thread in journal order, live and in replay alike; results of
 * a replay may have been delivered before, so receivers dedupe by sequence.
 */
public interface EventSink {
    void applied(CommandBatch batch, List<Outcome> outcomes);

    EventSink NONE = (batch, outcomes) -> { };
}
