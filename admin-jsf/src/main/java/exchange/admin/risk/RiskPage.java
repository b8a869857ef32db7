package exchange.admin.risk;

import exchange.admin.ConsoleActions;
import exchange.admin.security.OperatorSession;
import exchange.api.finance.RiskControl;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** The risk rules (data: threshold, window, action, on/off, edited here) and the open findings an operator clears. */
@Named
@ViewScoped
public class RiskPage implements Serializable {
    @EJB
    private RiskControl risk;
    @Inject
    private ConsoleActions actions;
    @Inject
    private OperatorSession session;
    private List<RiskControl.RuleView> rules;
    private List<RiskControl.FindingView> findings;
    private String code;
    private BigDecimal threshold;
    private Long windowSeconds;
    private String action;
    private boolean enabled;

    public List<RiskControl.RuleView> getRules() {
        if (rules == null) {
            rules = risk.rules();
        }
        return rules;
    }

    public List<RiskControl.FindingView> getFindings() {
        if (findings == null) {
            findings = risk.findings(null, null, null, true, 200);
        }
        return findings;
    }

    /** Puts a rule's current values into the edit form. */
    public void edit(RiskControl.RuleView r) {
        code = r.code();
        threshold = r.threshold();
        windowSeconds = r.windowSeconds();
        action = r.action();
        enabled = r.enabled();
    }

    public void save() {
        RiskControl.RuleView before = getRules().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
        actions.run("admin", "risk.rule.update", "risk-rule:" + code, before,
                () -> risk.updateRule(code, new RiskControl.RuleChange(enabled, threshold, windowSeconds, action), session.getEmail()));
        rules = null;
    }

    public void clear(RiskControl.FindingView f) {
        actions.run("finance", "risk.finding.clear", "risk-finding:" + f.id(), f.status(),
                () -> risk.clear(f.id(), session.getEmail()).status());
        findings = null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public void setThreshold(BigDecimal threshold) {
        this.threshold = threshold;
    }

    public Long getWindowSeconds() {
        return windowSeconds;
    }

    public void setWindowSeconds(Long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
