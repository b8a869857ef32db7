package exchange.finance.report;

import exchange.api.finance.FinanceReports;
import java.io.Serializable;

/** One asset's reconciliation for one day, as the writer stores it. */
record ReconciliationRow(String day, FinanceReports.Reconciliation reconciliation) implements Serializable {
}
