package exchange.finance.report;

import exchange.api.finance.FinanceReports;
import java.io.Serializable;

/** One figure of one day's report. */
record ReportRow(String day, FinanceReports.Line line) implements Serializable {
}
