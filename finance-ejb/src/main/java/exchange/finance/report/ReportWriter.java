package exchange.finance.report;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Upserts by (day, section, item, metric): a re-run or a restart writes the same rows. */
@Named
@Dependent
public class ReportWriter extends AbstractItemWriter {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            ReportRow row = (ReportRow) item;
            em.createNativeQuery("""
                    INSERT INTO exchange_finance.daily_reports (day, section, item, metric, value) VALUES (?1, ?2, ?3, ?4, ?5)
                    ON DUPLICATE KEY UPDATE value = VALUES(value)""")
                    .setParameter(1, FinanceFigures.sqlDay(row.day())).setParameter(2, row.line().section())
                    .setParameter(3, row.line().item()).setParameter(4, row.line().metric()).setParameter(5, row.line().value())
                    .executeUpdate();
        }
    }
}
