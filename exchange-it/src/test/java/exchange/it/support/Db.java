package exchange.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the services' tables directly, to check what was (and was not) written. */
public final class Db {
    private static final String URL = "jdbc:mysql://" + env("EXCHANGE_DB_HOST", "127.0.0.1") + ":"
            + env("EXCHANGE_DB_PORT", "3306") + "/exchange?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";

    private Db() {
    }

    /** The connection settings the tests use, for a data source of their own. */
    public static String url() {
        return URL;
    }

    public static String user() {
        return env("EXCHANGE_DB_USER", "exchange");
    }

    public static String password() {
        return env("EXCHANGE_DB_PASSWORD", "exchange");
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    public static long count(String sql, Object... params) {
        return query(sql, params, r -> r.next() ? r.getLong(1) : 0L);
    }

    public static String string(String sql, Object... params) {
        return query(sql, params, r -> r.next() ? r.getString(1) : null);
    }

    /** Changes a row behind the exchange's back: only to stage a situation, such as a scanner restored from an older state. */
    public static int update(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(URL, env("EXCHANGE_DB_USER", "exchange"),
                env("EXCHANGE_DB_PASSWORD", "exchange"));
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e, e);
        }
    }

    private static <T> T query(String sql, Object[] params, Row<T> row) {
        try (Connection c = DriverManager.getConnection(URL, env("EXCHANGE_DB_USER", "exchange"),
                env("EXCHANGE_DB_PASSWORD", "exchange"));
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return row.read(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e, e);
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
