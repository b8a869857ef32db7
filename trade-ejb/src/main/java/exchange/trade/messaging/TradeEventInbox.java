package exchange.trade.messaging;

import exchange.api.engine.EngineGateway;
import exchange.api.engine.EngineResults;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.trade.settlement.ProjectTrades;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trade projection's consumer: the engine's journal entries ({@link EngineResults} on
 * {@code engine-events}, one queue) in order (orderly consumption: one thread), what has piled up
 * applied together in one transaction ({@link ProjectTrades#apply}), and the engine told the
 * sequence reached once that transaction has committed, which releases the readers waiting in
 * {@link EngineGateway#awaitProjected}. A failure retries the batch in place; entries applied
 * before are skipped by the watermark.
 */
@Singleton
@Startup
@DependsOn("TradeSchema")
public class TradeEventInbox {
    public static final String GROUP = "trade-engine-projection";
    /** Journal entries projected per transaction when the queue has a backlog; one at a time when it has not. */
    private static final int BATCH = 64;

    @EJB
    private ProjectTrades projection;
    @EJB
    private EngineGateway engine;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = RocketMqSubscriber.startOrderlyBatches(GROUP, Map.of(EngineResults.TOPIC, "EngineResults"), BATCH,
                this::project);
    }

    private void project(List<EventEnvelope> events) {
        List<EngineResults> entries = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            entries.add(event.payloadAs(EngineResults.class));
        }
        long next = projection.apply(entries); // an EJB call: its own transaction, committed on return
        engine.projected(ProjectTrades.PROJECTION, next);
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
