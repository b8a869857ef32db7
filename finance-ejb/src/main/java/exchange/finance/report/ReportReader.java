package exchange.finance.report;

import exchange.api.finance.FinanceReports;
import exchange.api.trade.MarketData;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.SymbolView;
import exchange.api.user.UserDirectory;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The day's report lines: finance's own figures, each market's volume from the trade service's
 * daily candle and the new users from the user service (their business interfaces, not their tables). The checkpoint is how many
 * lines were written.
 */
@Named
@Dependent
public class ReportReader extends AbstractItemReader {
    @EJB
    private FinanceFigures finance;
    @EJB
    private MarketData marketData;
    @EJB
    private MarketDirectory markets;
    @EJB
    private UserDirectory users;
    @Inject
    @BatchProperty(name = "day")
    String day;
    private List<ReportRow> lines;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        LocalDate d = LocalDate.parse(day);
        List<FinanceReports.Line> all = new ArrayList<>(finance.dayLines(d));
        Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
        all.add(new FinanceReports.Line("USERS", "ALL", "new", BigDecimal.valueOf(users.registeredBetween(start, end.plusMillis(1)))));
        for (SymbolView s : markets.symbols()) {
            for (MarketData.Candle c : marketData.klines(s.symbol(), "1d", end, 1)) {
                if (c.openTime().equals(start)) {
                    all.add(new FinanceReports.Line("VOLUME", s.symbol(), "base", c.volume()));
                    all.add(new FinanceReports.Line("VOLUME", s.symbol(), "quote", c.quoteVolume()));
                    all.add(new FinanceReports.Line("VOLUME", s.symbol(), "trades", BigDecimal.valueOf(c.trades())));
                }
            }
        }
        lines = all.stream().map(l -> new ReportRow(day, l)).toList();
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < lines.size() ? lines.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
