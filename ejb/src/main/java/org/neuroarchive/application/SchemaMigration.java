package org.neuroarchive.application;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema up to date with the Flyway migrations in {@code db/migration}. */
final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private SchemaMigration() {
    }

    static void migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> result.migrationsExecuted == 0
                ? "database schema is up to date"
                : "database schema migrated to version " + result.targetSchemaVersion + " ("
                        + result.migrationsExecuted + " migrations applied)");
    }
}
