package exchange.api.messaging;

import exchange.api.engine.EngineGateway;
import exchange.api.engine.EngineResults;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Feeds one projection with the engine's results: its own consumer group on the one-queue
 * {@link EngineResults#TOPIC}, orderly, what has piled up (up to 256 entries) in one call of
 * {@code apply} (an EJB call: its own transaction, committed when it returns), then the watermark
 * it returns reported to the engine, so readers waiting on their own writes may go.
 */
public final class EngineProjectionFeed {
    /** Entries per transaction: more when it falls behind, so fixed costs (lock, commit, event) spread thinner. */
    private static final int BATCH = 256;

    private EngineProjectionFeed() {
    }

    public static RocketMqSubscriber start(String group, String projection, ToLongFunction<List<EngineResults>> apply,
                                           EngineGateway engine) {
        return RocketMqSubscriber.startOrderlyBatches(group, Map.of(EngineResults.TOPIC, "EngineResults"), BATCH,
                events -> engine.projected(projection,
                        apply.applyAsLong(events.stream().map(e -> e.payloadAs(EngineResults.class)).toList())));
    }
}
