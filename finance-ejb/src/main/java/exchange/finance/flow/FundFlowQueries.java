package exchange.finance.flow;

import exchange.api.persistence.InstantConverter;
import exchange.api.finance.FundFlows;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fund-flow list and the fee reports (a trader's flows, the console's lists and daily figures):
 * projections that tolerate lag, read on the database's replica while it keeps up ({@link ReportingReads}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FundFlowQueries implements FundFlows {
    @EJB
    private ReportingReads reads;

    @Override
    public List<Flow> flows(Long userId, String asset, int limit) {
        List<Object> parameters = new ArrayList<>();
        if (userId != null) {
            parameters.add(userId);
        }
        if (asset != null) {
            parameters.add(asset);
        }
        parameters.add(limit);
        return reads.rows("SELECT id, user_id, asset, delta_available, delta_frozen, available_after, frozen_after,"
                + " business_type, business_id, occurred_at FROM exchange_finance.fund_flows WHERE 1 = 1"
                + (userId != null ? " AND user_id = ?" : "") + (asset != null ? " AND asset = ?" : "")
                + " ORDER BY id DESC LIMIT ?", r -> new Flow(r.getLong(1), r.getLong(2), r.getString(3), r.getBigDecimal(4),
                r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7), r.getString(8), r.getString(9),
                InstantConverter.fromColumn(r.getTimestamp(10))), parameters.toArray());
    }

    @Override
    public List<FeeTotal> feeIncome() {
        return reads.rows("SELECT asset, SUM(amount), COUNT(*) FROM exchange_finance.fee_income GROUP BY asset ORDER BY asset",
                r -> new FeeTotal(r.getString(1), r.getBigDecimal(2), r.getLong(3)));
    }

    @Override
    public List<DailyFigure> daily(int days) {
        Timestamp since = Timestamp.from(LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, BigDecimal[]> byDayAsset = new TreeMap<>();
        // DATE() read as text (yyyy-MM-dd): no time zone between the database's day and the report's.
        for (String[] r : reads.rows("SELECT DATE_FORMAT(DATE(occurred_at), '%Y-%m-%d'), asset, SUM(amount) FROM exchange_finance.fee_income"
                + " WHERE occurred_at >= ? GROUP BY DATE(occurred_at), asset", r -> new String[] {r.getString(1), r.getString(2),
                r.getBigDecimal(3).toPlainString()}, since)) {
            byDayAsset.computeIfAbsent(r[0] + "|" + r[1], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] = new BigDecimal(r[2]);
        }
        for (String[] r : reads.rows("SELECT DATE_FORMAT(DATE(occurred_at), '%Y-%m-%d'), asset, SUM(delta_available + delta_frozen)"
                + " FROM exchange_finance.fund_flows WHERE occurred_at >= ? GROUP BY DATE(occurred_at), asset",
                r -> new String[] {r.getString(1), r.getString(2), r.getBigDecimal(3).toPlainString()}, since)) {
            byDayAsset.computeIfAbsent(r[0] + "|" + r[1], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] = new BigDecimal(r[2]);
        }
        return byDayAsset.entrySet().stream().map(e -> {
            String[] k = e.getKey().split("\\|");
            return new DailyFigure(LocalDate.parse(k[0]), k[1], e.getValue()[0], e.getValue()[1]);
        }).toList();
    }
}
