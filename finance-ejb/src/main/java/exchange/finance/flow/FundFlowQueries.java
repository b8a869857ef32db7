package exchange.finance.flow;

import exchange.api.persistence.InstantConverter;
import exchange.api.finance.FundFlows;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FundFlowQueries implements FundFlows {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    @Override
    public List<Flow> flows(Long userId, String asset, int limit) {
        Query q = em.createNativeQuery("SELECT id, user_id, asset, delta_available, delta_frozen, available_after, frozen_after,"
                + " business_type, business_id, occurred_at FROM exchange_finance.fund_flows WHERE 1 = 1"
                + (userId != null ? " AND user_id = ?1" : "") + (asset != null ? " AND asset = ?2" : "")
                + " ORDER BY id DESC");
        if (userId != null) {
            q.setParameter(1, userId);
        }
        if (asset != null) {
            q.setParameter(2, asset);
        }
        return ((List<?>) q.setMaxResults(limit).getResultList()).stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Flow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (BigDecimal) r[3],
                    (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6], (String) r[7], (String) r[8], InstantConverter.fromColumn(r[9]));
        }).toList();
    }

    @Override
    public List<FeeTotal> feeIncome() {
        return ((List<?>) em.createNativeQuery("SELECT asset, SUM(amount), COUNT(*) FROM exchange_finance.fee_income"
                + " GROUP BY asset ORDER BY asset").getResultList()).stream().map(row -> {
            Object[] r = (Object[]) row;
            return new FeeTotal((String) r[0], (BigDecimal) r[1], ((Number) r[2]).longValue());
        }).toList();
    }

    @Override
    public List<DailyFigure> daily(int days) {
        java.sql.Timestamp since = java.sql.Timestamp.from(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(days - 1L)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        java.util.Map<String, BigDecimal[]> byDayAsset = new java.util.TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT DATE(occurred_at), asset, SUM(amount) FROM exchange_finance.fee_income"
                + " WHERE occurred_at >= ?1 GROUP BY DATE(occurred_at), asset").setParameter(1, since).getResultList()) {
            Object[] r = (Object[]) o;
            byDayAsset.computeIfAbsent(r[0] + "|" + r[1], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] = (BigDecimal) r[2];
        }
        for (Object o : em.createNativeQuery("SELECT DATE(occurred_at), asset, SUM(delta_available + delta_frozen)"
                + " FROM exchange_finance.fund_flows WHERE occurred_at >= ?1 GROUP BY DATE(occurred_at), asset").setParameter(1, since)
                .getResultList()) {
            Object[] r = (Object[]) o;
            byDayAsset.computeIfAbsent(r[0] + "|" + r[1], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] = (BigDecimal) r[2];
        }
        return byDayAsset.entrySet().stream().map(e -> {
            String[] k = e.getKey().split("\\|");
            return new DailyFigure(java.time.LocalDate.parse(k[0]), k[1], e.getValue()[0], e.getValue()[1]);
        }).toList();
    }
}
