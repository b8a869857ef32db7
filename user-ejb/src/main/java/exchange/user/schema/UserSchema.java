package exchange.user.schema;

import exchange.api.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/** Brings {@code exchange_user} up to date before any bean of this service uses it. */
@Singleton
@Startup
public class UserSchema {
    public static final String NAME = "exchange_user";

    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;

    // Flyway manages its own transactions; a JTA transaction around it would forbid that.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        SchemaMigration.migrate(dataSource, NAME, UserSchema.class.getClassLoader());
    }
}
