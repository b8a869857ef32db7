package exchange.finance.report;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.FinanceCalculated;
import exchange.api.finance.FinanceReports;
import exchange.finance.messaging.FinanceEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A day's report as tables and as a CSV file ({@code section,item,metric,value}, reconciliation
 * first), written whole to a temporary file and moved into place, so a reader never sees half a
 * report. The file is rebuilt from the tables, so a re-run gives the same bytes.
 */
@Stateless
public class ReportFiles {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;
    @EJB
    private FinanceEventOutbox events;
    @Inject
    @ConfigProperty(name = "exchange.finance.report-dir")
    Optional<String> reportDir;

    public void publish(String day) {
        FinanceReports.DailyReport report = read(day);
        StringBuilder csv = new StringBuilder("section,item,metric,value\n");
        for (FinanceReports.Reconciliation r : report.reconciliation()) {
            line(csv, "RECONCILIATION", r.asset(), "users_balance", r.usersBalance());
            line(csv, "RECONCILIATION", r.asset(), "users_journal", r.usersJournal());
            line(csv, "RECONCILIATION", r.asset(), "deposits_in", r.depositsIn());
            line(csv, "RECONCILIATION", r.asset(), "withdrawals_out", r.withdrawalsOut());
            line(csv, "RECONCILIATION", r.asset(), "fees_account", r.feesAccount());
            line(csv, "RECONCILIATION", r.asset(), "adjustments_net", r.adjustmentsNet());
            line(csv, "RECONCILIATION", r.asset(), "flows_total", r.flowsTotal());
            csv.append("RECONCILIATION,").append(r.asset()).append(",status,").append(r.status()).append('\n');
        }
        for (FinanceReports.Line l : report.lines()) {
            line(csv, l.section(), l.item(), l.metric(), l.value());
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Path file = dir().resolve("finance-report-" + day + ".csv");
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "finance-report-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sha = sha256(bytes);
        int lines = csv.toString().split("\n").length;
        int mismatches = (int) report.reconciliation().stream().filter(r -> !"OK".equals(r.status())).count();
        em.createNativeQuery("""
                INSERT INTO exchange_finance.report_files (day, path, sha256, line_count, mismatches, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON DUPLICATE KEY UPDATE path = VALUES(path), sha256 = VALUES(sha256),
                  line_count = VALUES(line_count), mismatches = VALUES(mismatches), created_at = VALUES(created_at)""")
                .setParameter(1, FinanceFigures.sqlDay(day)).setParameter(2, file.toString()).setParameter(3, sha)
                .setParameter(4, lines).setParameter(5, mismatches).setParameter(6, Timestamp.from(Instant.now())).executeUpdate();
        events.publish(new FinanceCalculated(day, mismatches, file.toString(), sha, lines));
    }

    public FinanceReports.DailyReport read(String day) {
        List<FinanceReports.Reconciliation> reconciliation = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                SELECT asset, users_balance, users_journal, all_accounts, fees_account, deposits_in, withdrawals_out,
                  adjustments_net, flows_total, fee_income, hot_wallet, status, differences
                FROM exchange_finance.reconciliation_results WHERE day = ?1 ORDER BY asset""")
                .setParameter(1, FinanceFigures.sqlDay(day)).getResultList()) {
            Object[] r = (Object[]) o;
            reconciliation.add(new FinanceReports.Reconciliation((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                    (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9],
                    (BigDecimal) r[10], (String) r[11], (String) r[12]));
        }
        List<FinanceReports.Line> lines = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT section, item, metric, value FROM exchange_finance.daily_reports WHERE day = ?1"
                + " ORDER BY section, item, metric").setParameter(1, FinanceFigures.sqlDay(day)).getResultList()) {
            Object[] r = (Object[]) o;
            lines.add(new FinanceReports.Line((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3]));
        }
        if (reconciliation.isEmpty() && lines.isEmpty()) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No finance report for " + day + ".");
        }
        List<?> file = em.createNativeQuery("SELECT path, sha256, mismatches FROM exchange_finance.report_files WHERE day = ?1")
                .setParameter(1, FinanceFigures.sqlDay(day)).getResultList();
        Object[] f = file.isEmpty() ? null : (Object[]) file.get(0);
        return new FinanceReports.DailyReport(day, reconciliation, lines, f == null ? null : (String) f[0],
                f == null ? null : (String) f[1], f == null ? 0 : ((Number) f[2]).intValue());
    }

    public String csv(String day) {
        FinanceReports.DailyReport report = read(day);
        if (report.file() == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No report file for " + day + ".");
        }
        try {
            return Files.readString(Path.of(report.file()));
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "The report file of " + day + " is gone.");
        }
    }

    private Path dir() {
        return Path.of(reportDir.orElse(System.getProperty("java.io.tmpdir") + "/exchange-reports"));
    }

    private static void line(StringBuilder csv, String section, String item, String metric, BigDecimal value) {
        csv.append(section).append(',').append(item).append(',').append(metric).append(',')
                .append(value == null ? "" : value.stripTrailingZeros().toPlainString()).append('\n');
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
