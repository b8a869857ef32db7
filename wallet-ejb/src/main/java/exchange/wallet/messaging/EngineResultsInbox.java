package exchange.wallet.messaging;

import exchange.api.engine.EngineGateway;
import exchange.api.engine.EngineResults;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.wallet.ledger.ProjectBalances;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.Map;

/**
 * The engine's journal, projected onto the wallet's balances in journal order (its topic has one
 * queue; orderly consumption, one thread). What has piled up is applied in one transaction.
 */
@Singleton
@Startup
@DependsOn("WalletSchema")
public class EngineResultsInbox {
    /** The wallet's own group: the projection keeps its own offset and watermark. */
    public static final String GROUP = "wallet-engine-projection";
    private static final int BATCH = 64;

    @EJB
    private ProjectBalances projectBalances;
    @EJB
    private EngineGateway gateway;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = RocketMqSubscriber.startOrderlyBatches(GROUP, Map.of(EngineResults.TOPIC, "EngineResults"), BATCH,
                this::project);
    }

    private void project(List<EventEnvelope> events) {
        long reached = projectBalances.apply(events.stream().map(e -> e.payloadAs(EngineResults.class)).toList());
        // Committed by now: readers waiting on their own writes (awaitProjected) may go.
        gateway.projected(ProjectBalances.PROJECTION, reached);
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
