package exchange.trade.messaging;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.Topics;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.trade.settlement.SettleMatch;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Map;

/**
 * Engine results, settled under {@code trade-service-group} in each symbol's order (orderly
 * consumption: one queue, one thread), since an order's fills and its end must apply in sequence.
 * What has piled up in a queue is settled together, in order, in one transaction.
 */
@Singleton
@Startup
@DependsOn("TradeSchema")
public class TradeEventInbox {
    /** Results settled per transaction when a queue has a backlog; one at a time when it has not. */
    private static final int BATCH = 32;

    @EJB
    private SettleMatch settle;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = RocketMqSubscriber.startOrderlyBatches(ConsumerGroups.TRADE,
                Map.of(Topics.MATCH, "MatchSuccess || MatchFailed"), BATCH, settle::settleAll);
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
