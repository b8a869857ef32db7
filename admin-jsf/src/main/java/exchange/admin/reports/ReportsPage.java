package exchange.admin.reports;

import exchange.admin.ConsoleActions;
import exchange.api.error.BusinessException;
import exchange.api.finance.FinanceReports;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The daily finance job: its runs, start a day, a day's reconciliation and figures, the CSV file. */
@Named
@ViewScoped
public class ReportsPage implements Serializable {
    @EJB
    private FinanceReports reports;
    @Inject
    private ConsoleActions actions;
    private String day = LocalDate.now(ZoneOffset.UTC).toString();
    private FinanceReports.DailyReport report;
    private List<FinanceReports.RunView> runs;

    public List<FinanceReports.RunView> getRuns() {
        if (runs == null) {
            runs = reports.runs(30);
        }
        return runs;
    }

    public void start() {
        actions.run("finance", "report.start", "report:" + day, null, () -> "execution " + reports.start(LocalDate.parse(day)));
        runs = null;
    }

    public void show() {
        try {
            report = reports.report(LocalDate.parse(day));
        } catch (BusinessException e) {
            report = null;
            FacesContext.getCurrentInstance().addMessage(null, new jakarta.faces.application.FacesMessage(e.getMessage()));
        }
        runs = null;
    }

    public void download() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        byte[] csv = reports.csv(LocalDate.parse(day)).getBytes(StandardCharsets.UTF_8);
        ExternalContext ext = faces.getExternalContext();
        ext.responseReset();
        ext.setResponseContentType("text/csv");
        ext.setResponseContentLength(csv.length);
        ext.setResponseHeader("Content-Disposition", "attachment; filename=\"finance-report-" + day + ".csv\"");
        ext.getResponseOutputStream().write(csv);
        faces.responseComplete();
    }

    public FinanceReports.DailyReport getReport() {
        return report;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }
}
