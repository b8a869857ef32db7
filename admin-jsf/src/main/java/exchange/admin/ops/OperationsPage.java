package exchange.admin.ops;

import exchange.admin.ConsoleActions;
import exchange.admin.security.OperatorSession;
import exchange.api.error.BusinessException;
import exchange.api.finance.ExchangeMode;
import exchange.api.finance.MessageOperations;
import exchange.api.wallet.ChainStatus;
import exchange.api.wallet.HotWallets;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Operations: consumer backlog per group and topic, each group's dead letters with replay, the
 * deposit scanners' heights, the hot wallets, and the exchange-wide read-only switch.
 */
@Named
@ViewScoped
public class OperationsPage implements Serializable {
    @EJB
    private MessageOperations messages;
    @EJB
    private ExchangeMode mode;
    @EJB
    private ChainStatus chains;
    @EJB
    private HotWallets hotWallets;
    @Inject
    private ConsoleActions actions;
    @Inject
    @jakarta.enterprise.inject.Any
    private jakarta.enterprise.inject.Instance<exchange.api.messaging.OutboxHealth> outboxes;
    @Inject
    private OperatorSession session;
    private String group = MessageOperations.GROUPS.get(2);
    private List<MessageOperations.DeadLetter> deadLetters;

    public List<MessageOperations.Backlog> getBacklog() {
        try {
            return messages.backlog();
        } catch (BusinessException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
            return List.of();
        }
    }

    public List<exchange.api.messaging.OutboxHealth.Health> getOutboxes() {
        return outboxes.stream().map(exchange.api.messaging.OutboxHealth::health)
                .sorted(java.util.Comparator.comparing(exchange.api.messaging.OutboxHealth.Health::producerGroup)).toList();
    }

    public List<MessageOperations.DeadLetter> getDeadLetters() {
        if (deadLetters == null) {
            deadLetters = messages.deadLetters(group, 200);
        }
        return deadLetters;
    }

    public List<String> getGroups() {
        return MessageOperations.GROUPS;
    }

    public List<ChainStatus.ChainView> getChains() {
        return chains.chains();
    }

    public List<HotWallets.HotWalletView> getHotWallets() {
        return hotWallets.hotWallets();
    }

    public boolean isReadOnly() {
        return mode.readOnly();
    }

    public void replay(MessageOperations.DeadLetter d) {
        actions.run("admin", "dead-letter.replay", "dead-letter:" + d.messageId(), "PARKED",
                () -> "REPLAYED to " + messages.replay(group, d.messageId(), session.getEmail()).originTopic());
        deadLetters = null;
    }

    public void toggleReadOnly() {
        boolean before = mode.readOnly();
        actions.run("admin", "exchange.read-only", "exchange", before, () -> {
            mode.setReadOnly(!before);
            return !before;
        });
    }

    public void showGroup() {
        deadLetters = null;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
