package exchange.trade.marketdata;

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
 * Where market-data history is read (trades, candles): the database's replica while it keeps up,
 * else the primary ({@link LagTolerantReads}, exchange.db.replica.max-lag-seconds).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Outside any transaction: a read needs none, and a replica connection enlisted in the caller's
// JTA transaction then failing left that transaction unable to take the primary's connection.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryReads {
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
