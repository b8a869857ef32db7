package exchange.finance.report;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.finance.FinanceReports;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/** Starts, restarts and lists the {@code daily-finance} batch job, and reads what it wrote. */
@Stateless
@LocalBean
public class DailyFinanceJob implements FinanceReports {
    static final String JOB = "daily-finance";
    @EJB
    private ReportFiles files;

    @Override
    public long start(LocalDate day) {
        return start(day, 0);
    }

    @Override
    public long start(LocalDate day, int crashAfterAssets) {
        if (day == null || day.isAfter(LocalDate.now(java.time.ZoneOffset.UTC))) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "day: today or before");
        }
        Properties p = new Properties();
        p.setProperty("day", day.toString());
        if (crashAfterAssets > 0) {
            p.setProperty("crashAfterAssets", Integer.toString(crashAfterAssets));
        }
        return operator().start(JOB, p);
    }

    /** The same day again, from the last checkpoint, without any fault injection. */
    @Override
    public long restart(long executionId) {
        try {
            Properties p = new Properties();
            p.setProperty("day", operator().getParameters(executionId).getProperty("day"));
            return operator().restart(executionId, p);
        } catch (NoSuchJobExecutionException e) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No job execution " + executionId + ".");
        } catch (jakarta.batch.operations.JobRestartException | jakarta.batch.operations.JobExecutionAlreadyCompleteException
                 | jakarta.batch.operations.JobExecutionNotMostRecentException e) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "execution " + executionId + " cannot be restarted: " + e.getMessage());
        }
    }

    @Override
    public List<RunView> runs(int limit) {
        JobOperator op = operator();
        List<RunView> runs = new ArrayList<>();
        try {
            for (JobInstance instance : op.getJobInstances(JOB, 0, limit)) {
                for (JobExecution e : op.getJobExecutions(instance)) {
                    runs.add(view(instance.getInstanceId(), e));
                }
            }
        } catch (NoSuchJobException e) {
            return List.of();
        }
        runs.sort(Comparator.comparingLong(RunView::executionId).reversed());
        return runs.size() > limit ? runs.subList(0, limit) : runs;
    }

    @Override
    public RunView run(long executionId) {
        try {
            JobExecution e = operator().getJobExecution(executionId);
            return view(operator().getJobInstance(executionId).getInstanceId(), e);
        } catch (NoSuchJobExecutionException e) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No job execution " + executionId + ".");
        }
    }

    @Override
    public DailyReport report(LocalDate day) {
        return files.read(day.toString());
    }

    @Override
    public String csv(LocalDate day) {
        return files.csv(day.toString());
    }

    private static RunView view(long instanceId, JobExecution e) {
        return new RunView(e.getExecutionId(), instanceId, e.getJobParameters() == null ? null : e.getJobParameters().getProperty("day"),
                String.valueOf(e.getBatchStatus()), e.getExitStatus(), e.getStartTime() == null ? null : e.getStartTime().toInstant(),
                e.getEndTime() == null ? null : e.getEndTime().toInstant());
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
