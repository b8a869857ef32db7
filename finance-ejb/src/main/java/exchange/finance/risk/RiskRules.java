package exchange.finance.risk;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.RiskTriggered;
import exchange.api.finance.RiskControl;
import exchange.finance.messaging.FinanceEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The risk rules at work. Withdrawal checks run in the wallet's transaction: a hit's finding and
 * its RiskTriggered commit, or roll back, with the withdrawal. Deposit, order and lock-out checks run as
 * their events arrive ({@link RiskEventInbox}) and hold the user's later withdrawals for the rule's
 * window, until an operator clears the finding.
 */
@Stateless
@LocalBean
public class RiskRules implements RiskControl {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;
    @EJB
    private FinanceEventOutbox events;

    @Override
    public Assessment assessWithdrawal(WithdrawalFacts f) {
        Instant now = Instant.now();
        String subject = Long.toString(f.withdrawalId());
        List<FindingView> findings = new ArrayList<>();
        for (RuleRow rule : enabled()) {
            String detail = switch (rule.kind()) {
                case "WITHDRAW_AMOUNT" -> rule.covers(f.asset()) && f.amount().compareTo(rule.threshold()) >= 0
                        ? plain(f.amount()) + " " + f.asset() + " is at least " + plain(rule.threshold()) : null;
                case "WITHDRAW_COUNT" -> {
                    long within = f.recentWithdrawals().stream().filter(t -> t.isAfter(now.minusSeconds(rule.windowSeconds()))).count() + 1;
                    yield within >= rule.threshold().longValue()
                            ? within + " withdrawals within " + rule.windowSeconds() + " s" : null;
                }
                case "WITHDRAW_NEW_ADDRESS" -> rule.covers(f.asset()) && f.newAddress() && f.amount().compareTo(rule.threshold()) >= 0
                        ? "first withdrawal to " + f.address() : null;
                default -> null;
            };
            if (detail != null) {
                findings.add(raise(rule, f.userId(), "WITHDRAWAL", subject, detail, now));
            }
        }
        // What happened to the account before (a large deposit, a lock-out) can hold this withdrawal too.
        List<RiskFinding> holding = em.createQuery("SELECT r FROM RiskFinding r WHERE r.userId = :u AND r.status = 'OPEN'"
                        + " AND r.action = 'HOLD' AND r.subjectType <> 'WITHDRAWAL' AND r.holdsUntil > :now", RiskFinding.class)
                .setParameter("u", f.userId()).setParameter("now", now).getResultList();
        holding.forEach(h -> findings.add(h.view()));
        boolean hold = findings.stream().anyMatch(x -> "HOLD".equals(x.action()));
        return new Assessment(hold, findings);
    }

    /** A deposit credited: at or above a DEPOSIT_AMOUNT rule's threshold for its asset, a finding. */
    public void depositCredited(long userId, String asset, BigDecimal amount, String depositId) {
        for (RuleRow rule : enabled()) {
            if ("DEPOSIT_AMOUNT".equals(rule.kind()) && rule.covers(asset) && amount.compareTo(rule.threshold()) >= 0) {
                raise(rule, userId, "DEPOSIT", depositId, "a deposit of " + plain(amount) + " " + asset
                        + " is at least " + plain(rule.threshold()), Instant.now());
            }
        }
    }

    /** An order accepted: its user, id, notional in its quote asset and its symbol. */
    public record PlacedOrder(long userId, long orderId, BigDecimal notional, String symbol) {
    }

    /**
     * Orders were accepted: each at or above an ORDER_NOTIONAL rule's threshold in its quote
     * asset, a finding. The rules are read once for all of them; a market's quote asset is looked
     * up only when such a rule is on.
     */
    public void ordersPlaced(List<PlacedOrder> orders, java.util.function.Function<String, String> quoteOfSymbol) {
        List<RuleRow> orderRules = orders.isEmpty() ? List.of()
                : enabled().stream().filter(r -> "ORDER_NOTIONAL".equals(r.kind())).toList();
        if (orderRules.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        java.util.Map<String, String> quotes = new java.util.HashMap<>();
        for (PlacedOrder o : orders) {
            String quoteAsset = quotes.computeIfAbsent(o.symbol(), quoteOfSymbol);
            for (RuleRow rule : orderRules) {
                if (quoteAsset != null && rule.covers(quoteAsset) && o.notional().compareTo(rule.threshold()) >= 0) {
                    raise(rule, o.userId(), "ORDER", Long.toString(o.orderId()), "an order of " + plain(o.notional())
                            + " " + quoteAsset + " is at least " + plain(rule.threshold()), now);
                }
            }
        }
    }

    /** The user service locked the account after failed sign-ins. */
    public void lockedOut(long userId, String eventId) {
        for (RuleRow rule : enabled()) {
            if ("LOGIN_LOCKOUT".equals(rule.kind())) {
                raise(rule, userId, "LOGIN", eventId, "locked out after repeated failed sign-ins", Instant.now());
            }
        }
    }

    private FindingView raise(RuleRow rule, long userId, String subjectType, String subjectId, String detail, Instant now) {
        RiskFinding finding = new RiskFinding(rule, userId, subjectType, subjectId, detail, now);
        em.persist(finding);
        em.flush();
        FindingView view = finding.view();
        events.publish(new RiskTriggered(view.id(), rule.code(), userId, subjectType, subjectId, rule.action(), view.detail()));
        return view;
    }

    @Override
    public List<FindingView> findings(Long userId, String subjectType, String subjectId, boolean openOnly, int limit) {
        return em.createQuery("SELECT r FROM RiskFinding r WHERE (:u IS NULL OR r.userId = :u)"
                        + " AND (:t IS NULL OR r.subjectType = :t) AND (:s IS NULL OR r.subjectId = :s)"
                        + " AND (:open = FALSE OR r.status = 'OPEN') ORDER BY r.id DESC", RiskFinding.class)
                .setParameter("u", userId).setParameter("t", subjectType).setParameter("s", subjectId)
                .setParameter("open", openOnly).setMaxResults(limit).getResultStream().map(RiskFinding::view).toList();
    }

    @Override
    public FindingView clear(long findingId, String operator) {
        RiskFinding f = em.find(RiskFinding.class, findingId, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No risk finding " + findingId + ".");
        }
        if (f.open()) {
            f.clear(operator);
        }
        return f.view();
    }

    @Override
    public List<RuleView> rules() {
        return all(false).stream().map(RuleRow::view).toList();
    }

    @Override
    public RuleView updateRule(String code, RuleChange c, String operator) {
        if (c == null) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "a body with enabled, threshold, windowSeconds or action");
        }
        String action = c.action() == null ? null : c.action().toUpperCase(Locale.ROOT);
        if ((c.threshold() != null && c.threshold().signum() < 0) || (c.windowSeconds() != null && c.windowSeconds() < 0)
                || (action != null && !action.equals("HOLD") && !action.equals("ALERT"))) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "threshold and windowSeconds not negative; action HOLD or ALERT");
        }
        int changed = em.createNativeQuery("""
                UPDATE exchange_finance.risk_rules SET enabled = COALESCE(?2, enabled), threshold = COALESCE(?3, threshold),
                  window_seconds = COALESCE(?4, window_seconds), action = COALESCE(?5, action), updated_by = ?6, updated_at = ?7
                WHERE code = ?1""")
                .setParameter(1, code).setParameter(2, c.enabled()).setParameter(3, c.threshold()).setParameter(4, c.windowSeconds())
                .setParameter(5, action).setParameter(6, operator).setParameter(7, Timestamp.from(Instant.now())).executeUpdate();
        if (changed == 0) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No risk rule " + code + ".");
        }
        return all(false).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().view();
    }

    private List<RuleRow> enabled() {
        return all(true);
    }

    private List<RuleRow> all(boolean enabledOnly) {
        List<?> rows = em.createNativeQuery("SELECT " + RuleRow.COLUMNS + " FROM exchange_finance.risk_rules"
                + (enabledOnly ? " WHERE enabled" : "") + " ORDER BY code").getResultList();
        return rows.stream().map(r -> RuleRow.of((Object[]) r)).toList();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
