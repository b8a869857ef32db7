package exchange.trade.messaging;

import exchange.api.engine.EngineGateway;
import exchange.api.engine.EngineResults;
import exchange.api.messaging.EngineProjectionFeed;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.trade.settlement.ProjectTrades;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

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

    @EJB
    private ProjectTrades projection;
    @EJB
    private EngineGateway engine;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = EngineProjectionFeed.start(GROUP, ProjectTrades.PROJECTION, projection::apply, engine);
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
