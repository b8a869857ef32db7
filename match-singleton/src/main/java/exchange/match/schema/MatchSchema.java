package exchange.match.schema;

import exchange.api.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/** Brings {@code exchange_match} (the engine's snapshots) up to date before the engine starts. */
@Singleton
@Startup
public class MatchSchema {
    public static final String NAME = "exchange_match";

    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        SchemaMigration.migrate(dataSource, NAME, MatchSchema.class.getClassLoader());
    }
}
