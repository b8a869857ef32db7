package exchange.finance.report;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The last step: the day's CSV file and FinanceCalculated, by {@link ReportFiles} in a transaction of its own. */
@Named
@Dependent
public class PublishReport extends AbstractBatchlet {
    @EJB
    private ReportFiles files;
    @Inject
    @BatchProperty(name = "day")
    String day;

    @Override
    public String process() throws Exception {
        files.publish(day);
        return "COMPLETED";
    }
}
