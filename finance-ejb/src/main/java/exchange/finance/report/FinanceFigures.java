package exchange.finance.report;

import exchange.api.finance.FinanceReports;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Finance's own figures. Each call reads in a transaction of its own, so a reconciliation that
 * retries while events are still on their way sees what arrived since, not its first snapshot.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FinanceFigures {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    /** Every user balance change finance recorded from AssetChanged, summed. */
    public BigDecimal flowsTotal(String asset) {
        return sum("SELECT COALESCE(SUM(delta_available + delta_frozen), 0) FROM exchange_finance.fund_flows WHERE asset = ?1", asset);
    }

    public BigDecimal feeIncome(String asset) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM exchange_finance.fee_income WHERE asset = ?1", asset);
    }

    /** The day's figures finance keeps itself: deposits, withdrawals (amount + fee) and trading fees per asset. */
    public List<FinanceReports.Line> dayLines(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<FinanceReports.Line> lines = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                SELECT business_type, asset, SUM(delta_available + delta_frozen), COUNT(*) FROM exchange_finance.fund_flows
                WHERE business_type IN ('DEPOSIT', 'WITHDRAW_COMPLETED') AND occurred_at >= ?1 AND occurred_at < ?2
                GROUP BY business_type, asset ORDER BY business_type, asset""")
                .setParameter(1, from).setParameter(2, to).getResultList()) {
            Object[] r = (Object[]) o;
            boolean deposit = "DEPOSIT".equals(r[0]);
            String section = deposit ? "DEPOSITS" : "WITHDRAWALS";
            BigDecimal amount = (BigDecimal) r[2];
            lines.add(new FinanceReports.Line(section, (String) r[1], "amount", deposit ? amount : amount.negate()));
            lines.add(new FinanceReports.Line(section, (String) r[1], "count", BigDecimal.valueOf(((Number) r[3]).longValue())));
        }
        for (Object o : em.createNativeQuery("""
                SELECT asset, SUM(amount), COUNT(*) FROM exchange_finance.fee_income WHERE occurred_at >= ?1 AND occurred_at < ?2
                GROUP BY asset ORDER BY asset""").setParameter(1, from).setParameter(2, to).getResultList()) {
            Object[] r = (Object[]) o;
            lines.add(new FinanceReports.Line("TRADING_FEES", (String) r[0], "amount", (BigDecimal) r[1]));
            lines.add(new FinanceReports.Line("TRADING_FEES", (String) r[0], "count", BigDecimal.valueOf(((Number) r[2]).longValue())));
        }
        return lines;
    }

    static Date sqlDay(String day) {
        return Date.valueOf(LocalDate.parse(day));
    }

    private BigDecimal sum(String sql, String asset) {
        Object v = em.createNativeQuery(sql).setParameter(1, asset).getSingleResult();
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }
}
