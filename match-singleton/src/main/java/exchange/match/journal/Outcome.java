package exchange.match.journal;

import exchange.match.core.Command;
import exchange.match.core.EngineEvent;
import exchange.match.core.ResultCode;
import java.util.List;

/**
 * What one journaled command did: its number in the engine's order, the engine's time when it was
 * applied (epoch milliseconds, from the journal), its answer and its events.
 */
public record Outcome(long sequence, long time, Command command, ResultCode code, List<EngineEvent> events) {
}
