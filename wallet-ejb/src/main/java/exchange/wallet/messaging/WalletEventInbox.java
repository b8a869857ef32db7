package exchange.wallet.messaging;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.Topics;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.wallet.account.OpenAccounts;
import exchange.wallet.withdraw.TrackWithdrawal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Map;

/** What the wallet service listens to, under {@code wallet-service-group}. */
@Singleton
@Startup
@DependsOn("WalletSchema")
public class WalletEventInbox {
    @EJB
    private OpenAccounts openAccounts;
    @EJB
    private TrackWithdrawal trackWithdrawal;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = RocketMqSubscriber.start(ConsumerGroups.WALLET,
                Map.of(Topics.USER, "UserRegistered", Topics.WALLET, "WithdrawalCheckDue"), this::route);
    }

    private void route(EventEnvelope event) {
        switch (event.type()) {
            case "UserRegistered" -> openAccounts.onUserRegistered(event);
            case "WithdrawalCheckDue" -> trackWithdrawal.onCheckDue(event);
            default -> { } // not subscribed
        }
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
