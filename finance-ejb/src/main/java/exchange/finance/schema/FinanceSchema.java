package exchange.finance.schema;

import exchange.api.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/** Brings {@code exchange_finance} up to date before any bean of this service uses it. */
@Singleton
@Startup
public class FinanceSchema {
    public static final String NAME = "exchange_finance";

    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;

    // Flyway manages its own transactions; a JTA transaction around it would forbid that.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        SchemaMigration.migrate(dataSource, NAME, FinanceSchema.class.getClassLoader());
    }
}
