package exchange.finance.risk;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.Topics;
import exchange.api.messaging.RocketMqSubscriber;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Map;

/** Risk hears credited deposits, accepted orders and lock-outs under its own group, {@code risk-service-group} (seed 4.2.3). */
@Singleton
@Startup
@DependsOn("FinanceSchema")
public class RiskEventInbox {
    @EJB
    private WatchAccounts watch;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = RocketMqSubscriber.start(ConsumerGroups.RISK,
                Map.of(Topics.WALLET, "DepositConfirmed", Topics.USER, "SecurityUpdated", Topics.TRADE, "OrderActivity"), watch::observe);
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
