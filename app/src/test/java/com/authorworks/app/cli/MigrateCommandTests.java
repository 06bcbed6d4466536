package com.authorworks.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.authorworks.platform.database.EmbeddedPostgresServer;

/** {@code authorworks migrate}: every schema of the jar migrated in a real PostgreSQL, and again is a no-op. */
class MigrateCommandTests {

    @TempDir
    Path data;

    @Test
    void migratesEverySchemaOfTheJarAndASecondRunChangesNothing() throws Exception {
        assertThat(MigrateCommand.schemas()).contains("events", "identity", "content", "storage", "subscriptions",
                "messaging", "discovery");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"))) {
            String url = postgres.jdbcUrl();
            assertThat(AuthorWorksCommand.commandLine().execute("migrate", "--database-url", url)).isZero();
            JdbcClient db = JdbcClient.create(postgres.dataSource());
            for (String schema : MigrateCommand.schemas()) {
                assertThat(db.sql("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success").query(Long.class)
                        .single()).as(schema + " migrated").isPositive();
            }
            long applied = db.sql("SELECT count(*) FROM content.flyway_schema_history").query(Long.class).single();
            assertThat(AuthorWorksCommand.commandLine().execute("migrate", "--database-url", url)).isZero();
            assertThat(db.sql("SELECT count(*) FROM content.flyway_schema_history").query(Long.class).single()).isEqualTo(applied);
        }
        assertThat(AuthorWorksCommand.commandLine().execute("migrate", "--database-url", "")).isEqualTo(2);
    }
}
