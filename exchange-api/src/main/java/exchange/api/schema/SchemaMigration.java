package exchange.api.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Each service migrates its own MySQL schema with its own Flyway history, from
 * {@code db/<schema>} in its own jar, before any of its beans touch a table.
 */
public final class SchemaMigration {
    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource, String schema, ClassLoader loader) {
        Flyway.configure(loader)
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/" + schema)
                .load()
                .migrate();
    }
}
