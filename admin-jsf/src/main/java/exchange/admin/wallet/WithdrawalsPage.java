package exchange.admin.wallet;

import exchange.admin.ConsoleActions;
import exchange.admin.security.OperatorSession;
import exchange.api.finance.RiskControl;
import exchange.api.wallet.Withdrawals;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The withdrawal review queue with the risk findings beside each request. Approving one of at
 * least its network's four-eyes amount takes two different operators; the wallet decides under
 * the withdrawal's row lock, so a double click or two operators at once cannot process it twice.
 */
@Named
@ViewScoped
public class WithdrawalsPage implements Serializable {
    @EJB
    private Withdrawals withdrawals;
    @EJB
    private RiskControl risk;
    @Inject
    private ConsoleActions actions;
    @Inject
    private OperatorSession session;
    private List<Withdrawals.WithdrawalView> pending;
    private List<Withdrawals.WithdrawalView> approved;
    private List<Withdrawals.WithdrawalView> stuck;
    private Map<Long, String> findings;
    private String reason;

    public List<Withdrawals.WithdrawalView> getPending() {
        if (pending == null) {
            pending = withdrawals.pendingReview(200);
            findings = pending.stream().collect(Collectors.toMap(Withdrawals.WithdrawalView::id, this::findingsOf));
        }
        return pending;
    }

    /** What the rules found on this withdrawal and what holds the user's withdrawals. */
    private String findingsOf(Withdrawals.WithdrawalView w) {
        List<RiskControl.FindingView> own = risk.findings(null, "WITHDRAWAL", Long.toString(w.id()), false, 20);
        List<RiskControl.FindingView> holding = risk.findings(w.userId(), null, null, true, 20).stream()
                .filter(f -> !"WITHDRAWAL".equals(f.subjectType())).toList();
        return java.util.stream.Stream.concat(own.stream(), holding.stream())
                .map(f -> f.ruleCode() + " (" + f.action() + "): " + f.detail()).collect(Collectors.joining("; "));
    }

    public String findings(long withdrawalId) {
        getPending();
        return findings.getOrDefault(withdrawalId, "");
    }

    public void approve(Withdrawals.WithdrawalView w) {
        actions.run("finance", "withdrawal.approve", "withdrawal:" + w.id(), w.status(),
                () -> withdrawals.review(w.id(), true, session.getEmail(), reason).status());
        pending = null;
        approved = null;
    }

    public void reject(Withdrawals.WithdrawalView w) {
        actions.run("finance", "withdrawal.reject", "withdrawal:" + w.id(), w.status(),
                () -> withdrawals.review(w.id(), false, session.getEmail(), reason).status());
        pending = null;
    }

    /** Approved, not yet signed: still cancelable (a wallet frozen after approval keeps them here). */
    public List<Withdrawals.WithdrawalView> getApproved() {
        if (approved == null) {
            approved = withdrawals.approved(200);
        }
        return approved;
    }

    /** Signed, refused by our node, not provably dead: watched, never re-approvable; an operator looks into the node. */
    public List<Withdrawals.WithdrawalView> getStuck() {
        if (stuck == null) {
            stuck = withdrawals.stuck(200);
        }
        return stuck;
    }

    public void cancel(Withdrawals.WithdrawalView w) {
        actions.run("finance", "withdrawal.cancel", "withdrawal:" + w.id(), w.status(),
                () -> withdrawals.cancelApproved(w.id(), session.getEmail(), reason).status());
        approved = null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
