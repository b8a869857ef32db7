package exchange.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Multi-row INSERTs over plain JDBC, for the projections and finance, which append hundreds of
 * rows per transaction. Not through JPA native queries: EclipseLink looks each positional
 * parameter up in a list, so a statement of n parameters cost n² (a 2 000-parameter insert took
 * most of a projection's time). The connection comes from the JTA data source inside the caller's
 * transaction, so it is the persistence unit's own (shared) connection: the rows commit or roll
 * back with everything else.
 */
public final class BulkInsert {
    /** Rows per statement: a few hundred keeps one statement well under MariaDB's packet size. */
    public static final int ROWS_PER_STATEMENT = 200;

    private BulkInsert() {
    }

    /**
     * @param tableAndColumns e.g. {@code exchange_finance.fee_income (trade_id, order_id, amount)}
     * @param rows            each with one value per column, in the columns' order
     */
    public static void into(DataSource dataSource, String tableAndColumns, List<Object[]> rows) {
        into(dataSource, tableAndColumns, rows, "");
    }

    /**
     * The same with a tail after the values, such as {@code ON DUPLICATE KEY UPDATE total = total +
     * VALUES(total)}: an upsert of many rows in one statement.
     */
    public static void into(DataSource dataSource, String tableAndColumns, List<Object[]> rows, String tail) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                StringBuilder sql = new StringBuilder(64 + tableAndColumns.length() + chunk.size() * width * 3)
                        .append("INSERT INTO ").append(tableAndColumns).append(" VALUES ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "(" : ", (");
                    for (int col = 0; col < width; col++) {
                        sql.append(col == 0 ? "?" : ", ?");
                    }
                    sql.append(')');
                }
                sql.append(tail.isEmpty() ? "" : " ").append(tail);
                try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (Object[] row : chunk) {
                        if (row.length != width) {
                            throw new IllegalArgumentException("rows of " + width + " values expected, got " + row.length);
                        }
                        for (Object value : row) {
                            insert.setObject(p++, value);
                        }
                    }
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("insert into " + tableAndColumns + " failed: " + e.getMessage(), e);
        }
    }
}
