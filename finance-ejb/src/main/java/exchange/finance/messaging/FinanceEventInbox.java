package exchange.finance.messaging;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.Topics;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.finance.audit.RecordAuditEntry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Map;

/** Finance hears everything it audits, under {@code finance-service-group}: its own risk findings too. */
@Singleton
@Startup
@DependsOn("FinanceSchema")
public class FinanceEventInbox {
    /** The wallet's business events; not its own timers (WithdrawalCheckDue), which are the wallet's affair. */
    private static final String WALLET_EVENTS = "BalancesChanged || DepositConfirmed || WithdrawRequested || WithdrawCompleted || WalletFrozen";

    @EJB
    private RecordAuditEntry audit;
    private RocketMqSubscriber subscriber;

    @PostConstruct
    void start() {
        subscriber = RocketMqSubscriber.start(ConsumerGroups.FINANCE,
                Map.of(Topics.USER, "*", Topics.WALLET, WALLET_EVENTS, Topics.SYSTEM, "*", Topics.FINANCE, "RiskTriggered || FinanceCalculated",
                        Topics.TRADE, "OrderActivity"), audit::record);
    }

    @PreDestroy
    void stop() {
        subscriber.shutdown();
    }
}
