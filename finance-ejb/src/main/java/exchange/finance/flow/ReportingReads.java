package exchange.finance.flow;

import exchange.api.persistence.LagTolerantReads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the console's fund-flow lists and fee reports are read: the database's replica while it
 * keeps up, else the primary ({@link LagTolerantReads}, exchange.db.replica.max-lag-seconds).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Outside any transaction, as market-data history: a failed replica connection must not spoil the caller's.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportingReads {
    @Resource(lookup = "jdbc/exchange-replica")
    private DataSource replica;
    @Resource(lookup = "jdbc/exchange")
    private DataSource primary;
    @Inject
    @ConfigProperty(name = "exchange.db.replica.max-lag-seconds", defaultValue = "5")
    private long maxLagSeconds;

    private LagTolerantReads reads;

    @PostConstruct
    void open() {
        reads = new LagTolerantReads(replica, primary, maxLagSeconds);
    }

    public <T> List<T> rows(String sql, LagTolerantReads.Row<T> row, Object... parameters) {
        return reads.rows(sql, row, parameters);
    }
}
