package exchange.web.admin;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.finance.FinanceReports;
import exchange.web.validation.InRange;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The daily finance job (Jakarta Batch): start or restart a day, its runs, its report and CSV file. */
@Path("admin/finance/reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminReportResource {
    @EJB
    private FinanceReports reports;

    public record Start(String day, Integer crashAfterAssets) {
    }

    /** → 202 {executionId}; day defaults to yesterday (UTC). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(Start body) {
        LocalDate day = body == null || body.day() == null ? LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) : day(body.day());
        int crash = body == null || body.crashAfterAssets() == null ? 0 : body.crashAfterAssets();
        return Response.accepted(Map.of("executionId", reports.start(day, crash))).build();
    }

    @POST
    @Path("runs/{executionId}/restart")
    public Response restart(@PathParam("executionId") long executionId) {
        return Response.accepted(Map.of("executionId", reports.restart(executionId))).build();
    }

    @GET
    @Path("runs")
    public List<FinanceReports.RunView> runs(@QueryParam("limit") @DefaultValue("50") @InRange(min = 1, max = 500) int limit) {
        return reports.runs(limit);
    }

    @GET
    @Path("runs/{executionId}")
    public FinanceReports.RunView run(@PathParam("executionId") long executionId) {
        return reports.run(executionId);
    }

    @GET
    @Path("{day}")
    public FinanceReports.DailyReport report(@PathParam("day") String day) {
        return reports.report(day(day));
    }

    @GET
    @Path("{day}/csv")
    @Produces("text/csv")
    public Response csv(@PathParam("day") String day) {
        return Response.ok(reports.csv(day(day))).header("Content-Disposition",
                "attachment; filename=\"finance-report-" + day + ".csv\"").build();
    }

    private static LocalDate day(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "day: yyyy-MM-dd");
        }
    }
}
