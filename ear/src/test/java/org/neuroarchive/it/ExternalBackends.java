package org.neuroarchive.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production back-ends the tests run on when the environment names them (as {@code .ci/run}
 * does): MySQL/MariaDB through {@code NEUROARCHIVE_DB_URL}, an external Artemis broker through
 * {@code NEUROARCHIVE_BROKER_URL}. Tests that start servers of their own give each one a database of
 * its own next to the configured one, so that no two servers share rows.
 */
final class ExternalBackends {

    private static final Pattern MYSQL_URL = Pattern.compile("(jdbc:mysql://([^/:]+)(?::(\\d+))?/)([A-Za-z0-9_]+)");
    private static final Pattern BROKER_URL = Pattern.compile("tcp://([^:/]+):(\\d+)");

    private ExternalBackends() {
    }

    static boolean database() {
        return !env("NEUROARCHIVE_DB_URL").isEmpty();
    }

    static boolean broker() {
        return !env("NEUROARCHIVE_BROKER_URL").isEmpty();
    }

    /** The configured broker's port. */
    static int brokerPort() {
        Matcher m = BROKER_URL.matcher(env("NEUROARCHIVE_BROKER_URL"));
        if (!m.lookingAt()) {
            throw new IllegalStateException("NEUROARCHIVE_BROKER_URL is not tcp://host:port: " + env("NEUROARCHIVE_BROKER_URL"));
        }
        return Integer.parseInt(m.group(2));
    }

    /** The broker user every server and broker of the tests uses (required with an external broker). */
    static String brokerUser() {
        return required("NEUROARCHIVE_BROKER_USER", "NEUROARCHIVE_BROKER_URL");
    }

    /** Its password (required with an external broker: there is no default). */
    static String brokerPassword() {
        return required("NEUROARCHIVE_BROKER_PASSWORD", "NEUROARCHIVE_BROKER_URL");
    }

    /**
     * A new, empty database named after the configured one plus {@code _suffix}, for the servers whose
     * transaction nodes are {@code nodes}; answers its URL. Their branches that a run killed mid-test left
     * prepared are rolled back first: they keep row locks that block the DROP DATABASE.
     */
    static String freshDatabase(String suffix, List<String> nodes) throws SQLException {
        rollBackPrepared(nodes, "of a killed earlier run were still prepared");
        String name = databaseName(suffix);
        try (Connection c = serverConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return serverUrl() + name;
    }

    /** Drops the database of {@link #freshDatabase}, once the branches its stopped servers left prepared are rolled back. */
    static void dropDatabase(String suffix, List<String> nodes) throws SQLException {
        rollBackPrepared(nodes, "were left prepared");
        try (Connection c = serverConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + databaseName(suffix));
        }
    }

    private static void rollBackPrepared(List<String> nodes, String what) throws SQLException {
        for (String node : nodes) {
            int rolledBack = rollBackPrepared(node);
            if (rolledBack > 0) {
                System.out.println(node + ": " + rolledBack + " XA branches " + what + "; rolled back before the database is dropped");
            }
        }
    }

    /**
     * The XA branches the database holds prepared for the transaction node {@code node} (XA recovery
     * finishes them; left over, they keep their locks and block a DROP DATABASE), as
     * {@code X'gtrid',X'bqual',formatId} for an {@code XA COMMIT} or {@code XA ROLLBACK}.
     */
    static List<String> preparedBranches(String node) throws SQLException {
        List<String> branches = new ArrayList<>();
        String nodeHex = HexFormat.of().formatHex(node.getBytes(StandardCharsets.US_ASCII));
        try (Connection c = serverConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("XA RECOVER")) {
            while (rs.next()) {
                int gtridLength = rs.getInt(2);
                byte[] data = rs.getBytes(4);
                String gtrid = HexFormat.of().formatHex(data, 0, gtridLength);
                if (gtrid.contains(nodeHex)) {
                    branches.add("X'" + gtrid + "',X'" + HexFormat.of().formatHex(data, gtridLength, data.length) + "'," + rs.getInt(1));
                }
            }
        }
        return branches;
    }

    /** Rolls back the prepared branches of {@code node} (a stopped test server's); answers how many. */
    private static int rollBackPrepared(String node) throws SQLException {
        List<String> branches = preparedBranches(node);
        try (Connection c = serverConnection(); Statement st = c.createStatement()) {
            for (String xid : branches) {
                try {
                    st.execute("XA ROLLBACK " + xid);
                } catch (SQLException ended) {
                    // XA_RBROLLBACK (1614) or XAER_NOTA (1397): the branch ended meanwhile (the server's own recovery)
                    if (ended.getErrorCode() != 1614 && ended.getErrorCode() != 1397) {
                        throw ended;
                    }
                }
            }
        }
        return branches.size();
    }

    /**
     * Leaves an XA branch {@code gtrid} prepared on the database of {@link #freshDatabase}({@code suffix})
     * after it ran {@code statements}, as a crash between prepare and commit does: its rows stay locked until
     * {@link #rollBackBranch}. Format 1, which no server of ours takes for its own in XA recovery.
     */
    static void prepareBranch(String suffix, String gtrid, String... statements) throws SQLException {
        if (!gtrid.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("gtrid " + gtrid);
        }
        try (Connection c = databaseConnection(suffix); Statement st = c.createStatement()) {
            st.execute("XA START '" + gtrid + "'");
            for (String statement : statements) {
                st.execute(statement);
            }
            st.execute("XA END '" + gtrid + "'");
            st.execute("XA PREPARE '" + gtrid + "'");
        }
    }

    /** Rolls back the branch of {@link #prepareBranch}, unless it has ended already. */
    static void rollBackBranch(String gtrid) throws SQLException {
        try (Connection c = serverConnection(); Statement st = c.createStatement()) {
            st.execute("XA ROLLBACK '" + gtrid + "'");
        } catch (SQLException ended) {
            if (ended.getErrorCode() != 1397) {
                throw ended;
            }
        }
    }

    /** Runs {@code statement} on the database of {@link #freshDatabase}({@code suffix}), committed at once. */
    static void execute(String suffix, String statement) throws SQLException {
        try (Connection c = databaseConnection(suffix); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** The single number {@code query} answers on the database of {@link #freshDatabase}({@code suffix}). */
    static long number(String suffix, String query) throws SQLException {
        try (Connection c = databaseConnection(suffix); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The host of the configured database server. */
    static String databaseHost() {
        return urlMatch().group(2);
    }

    /** The port of the configured database server (MySQL's 3306 when the URL names none). */
    static int databasePort() {
        String port = urlMatch().group(3);
        return port == null ? 3306 : Integer.parseInt(port);
    }

    private static String databaseName(String suffix) {
        if (!suffix.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database suffix " + suffix);
        }
        return urlMatch().group(4) + "_" + suffix;
    }

    private static String serverUrl() {
        return urlMatch().group(1);
    }

    private static Matcher urlMatch() {
        Matcher m = MYSQL_URL.matcher(env("NEUROARCHIVE_DB_URL"));
        if (!m.matches()) {
            throw new IllegalStateException("NEUROARCHIVE_DB_URL is not jdbc:mysql://host:port/database: " + env("NEUROARCHIVE_DB_URL"));
        }
        return m;
    }

    private static Connection serverConnection() throws SQLException {
        return DriverManager.getConnection(serverUrl(), required("NEUROARCHIVE_DB_USER", "NEUROARCHIVE_DB_URL"),
                env("NEUROARCHIVE_DB_PASSWORD"));
    }

    private static Connection databaseConnection(String suffix) throws SQLException {
        return DriverManager.getConnection(serverUrl() + databaseName(suffix), required("NEUROARCHIVE_DB_USER", "NEUROARCHIVE_DB_URL"),
                env("NEUROARCHIVE_DB_PASSWORD"));
    }

    private static String required(String name, String because) {
        String value = env(name);
        if (value.isEmpty()) {
            throw new IllegalStateException(because + " is set, so " + name + " must be set as well (there is no default)");
        }
        return value;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value.trim();
    }
}
