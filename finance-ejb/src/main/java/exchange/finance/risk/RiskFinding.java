package exchange.finance.risk;

import exchange.api.finance.RiskControl;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One hit of one rule on one subject (a withdrawal, a deposit, a lock-out); OPEN until an operator clears it. */
@Entity
@Table(schema = "exchange_finance", name = "risk_findings")
public class RiskFinding {
    static final String OPEN = "OPEN";
    static final String CLEARED = "CLEARED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "rule_code", nullable = false)
    private String ruleCode;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(name = "subject_type", nullable = false)
    private String subjectType;
    @Column(name = "subject_id", nullable = false)
    private String subjectId;
    @Column(nullable = false)
    private String action;
    @Column(nullable = false)
    private String detail;
    @Column(name = "holds_until")
    private Instant holdsUntil;
    @Column(nullable = false)
    private String status;
    @Column(name = "cleared_by")
    private String clearedBy;
    @Column(name = "cleared_at")
    private Instant clearedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RiskFinding() {
    }

    RiskFinding(RuleRow rule, long userId, String subjectType, String subjectId, String detail, Instant now) {
        this.ruleCode = rule.code();
        this.userId = userId;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.action = rule.action();
        this.detail = detail.length() > 255 ? detail.substring(0, 255) : detail;
        this.holdsUntil = rule.windowSeconds() > 0 ? now.plusSeconds(rule.windowSeconds()) : null;
        this.status = OPEN;
        this.createdAt = now;
    }

    void clear(String operator) {
        status = CLEARED;
        clearedBy = operator;
        clearedAt = Instant.now();
    }

    boolean open() {
        return OPEN.equals(status);
    }

    RiskControl.FindingView view() {
        return new RiskControl.FindingView(id, ruleCode, userId, subjectType, subjectId, action, detail, holdsUntil, status,
                clearedBy, createdAt);
    }
}
