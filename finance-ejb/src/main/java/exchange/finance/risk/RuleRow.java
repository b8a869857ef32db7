package exchange.finance.risk;

import exchange.api.finance.RiskControl;
import exchange.api.persistence.InstantConverter;
import java.math.BigDecimal;

/** A row of risk_rules as the checks read it. */
record RuleRow(String code, String kind, String description, String asset, BigDecimal threshold, long windowSeconds,
               String action, boolean enabled, String updatedBy, java.time.Instant updatedAt) {
    static final String COLUMNS = "code, kind, description, asset, threshold, window_seconds, action, enabled, updated_by, updated_at";

    static RuleRow of(Object[] r) {
        return new RuleRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                ((Number) r[5]).longValue(), (String) r[6], r[7] instanceof Boolean b ? b : ((Number) r[7]).intValue() != 0,
                (String) r[8], InstantConverter.fromColumn(r[9]));
    }

    boolean hold() {
        return "HOLD".equals(action);
    }

    /** A rule for one asset applies to that asset only; one without, to all. */
    boolean covers(String otherAsset) {
        return asset == null || asset.equals(otherAsset);
    }

    RiskControl.RuleView view() {
        return new RiskControl.RuleView(code, kind, description, asset, threshold, windowSeconds, action, enabled, updatedBy, updatedAt);
    }
}
