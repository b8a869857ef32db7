package exchange.wallet.messaging;

import exchange.api.engine.EngineGateway;
import exchange.api.messaging.EngineProjectionFeed;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.wallet.ledger.ProjectBalances;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

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

    @EJB
    private ProjectBalances projectBalances;
    @EJB
    private EngineGateway gateway;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = EngineProjectionFeed.start(GROUP, ProjectBalances.PROJECTION, projectBalances::apply, gateway);
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
