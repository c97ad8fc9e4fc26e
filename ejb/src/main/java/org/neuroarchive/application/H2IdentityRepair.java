package org.neuroarchive.application;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The embedded H2 database can lose the state of its identity counters when the server is killed
 * (committed rows survive, the counter does not), and would then hand out ids that exist. At every
 * start each identity column restarts above its highest id. MySQL/MariaDB need nothing of the kind
 * (their AUTO_INCREMENT is recovered from the data), so this does nothing there.
 * <p>
 * Each counter also hands out {@value #IDENTITY_CACHE} ids between two writes of its state; with H2's
 * default (32) a busy table's counter stored the database file, in a commit of its own, every 32 rows.
 * A kill leaves a gap of at most that many ids, never a reused one (and the restart above repairs
 * anything).
 */
final class H2IdentityRepair {

    private static final Logger LOG = Logger.getLogger(H2IdentityRepair.class.getName());

    static final int IDENTITY_CACHE = 1024;

    private H2IdentityRepair() {
    }

    static void repair(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2")) {
                return;
            }
            List<String[]> columns = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                         + "WHERE TABLE_SCHEMA = 'PUBLIC' AND IS_IDENTITY = 'YES'")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String[] column : columns) {
                    long next;
                    try (ResultSet max = statement.executeQuery(
                            "SELECT COALESCE(MAX(\"" + column[1] + "\"), 0) + 1 FROM \"" + column[0] + "\"")) {
                        max.next();
                        next = max.getLong(1);
                    }
                    statement.execute("ALTER TABLE \"" + column[0] + "\" ALTER COLUMN \"" + column[1] + "\" RESTART WITH " + next
                            + " SET CACHE " + IDENTITY_CACHE);
                }
            }
            LOG.fine(() -> "identity counters of " + columns.size() + " H2 tables checked");
        }
    }
}
