package org.neuroarchive.common.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows of one table with one prepared statement and JDBC batches, on the connection of the
 * caller's transaction (the persistence context's own: the rows commit or roll back with everything else).
 * For the rows an archive transaction writes per file (instances, import-log rows): through JPA each
 * would be an INSERT plus a read of its generated id, and a native query with hundreds of parameters
 * costs EclipseLink time quadratic in their number. The JDBC driver may send a batch as one statement
 * (MySQL's {@code rewriteBatchedStatements}). Nothing here is flushed from the persistence context:
 * a row may refer only to rows already written (an entity's generated id is known once it is).
 */
public final class RowBatch {

    private final String insert;
    private final int[] sqlTypes;

    /**
     * {@code INSERT INTO table (columns) VALUES (?, ...)} for {@code columns}, whose {@link java.sql.Types}
     * are {@code sqlTypes} (used for nulls).
     */
    public RowBatch(String table, List<String> columns, int... sqlTypes) {
        if (columns.size() != sqlTypes.length) {
            throw new IllegalArgumentException(columns.size() + " columns but " + sqlTypes.length + " types");
        }
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        this.sqlTypes = sqlTypes.clone();
    }

    /** Inserts {@code rows}, each the values of the columns in order; nothing when there are none. */
    public void insert(EntityManager em, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("no transaction to insert into: " + insert);
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("could not insert " + rows.size() + " rows (" + insert + "): " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement statement, Object[] row) throws SQLException {
        if (row.length != sqlTypes.length) {
            throw new IllegalArgumentException(row.length + " values for " + sqlTypes.length + " columns: " + insert);
        }
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                statement.setNull(i + 1, sqlTypes[i]);
            } else {
                statement.setObject(i + 1, row[i], sqlTypes[i]);
            }
        }
    }
}
