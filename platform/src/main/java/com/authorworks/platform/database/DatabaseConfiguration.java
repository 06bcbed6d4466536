package com.authorworks.platform.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The platform's database: {@code DATABASE_URL} when set, else an embedded PostgreSQL with its
 * data under {@code AUTHORWORKS_DATA/postgres}. Every service schema is migrated before anyone
 * gets a {@link JdbcClient}.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
public class DatabaseConfiguration {

    /**
     * Connections to PostgreSQL (each is a PostgreSQL process with 3–5 MB of its own): sized with the one-machine
     * platform's 512 MB (bench/memory, docs/platform.md).
     */
    static final int POOL_SIZE = 14;

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Environment environment) {
        HikariConfig config = new HikariConfig();
        String url = environment.getProperty("authorworks.database-url", "");
        EmbeddedPostgresServer embedded = null;
        if (url.isBlank()) {
            Path data = Path.of(environment.getProperty("authorworks.data", "data"));
            embedded = EmbeddedPostgresServer.start(data.resolve("postgres"));
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        } else {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            config.setJdbcUrl(parsed.jdbcUrl());
            config.setUsername(parsed.username());
            config.setPassword(parsed.password());
        }
        config.setMaximumPoolSize(environment.getProperty("authorworks.database-pool-size", Integer.class, POOL_SIZE));
        config.setPoolName("authorworks");
        // A lost database is reconnected by the pool; callers see a clear error meanwhile (503 database-unavailable,
        // platform.web.DatabaseUnavailable) after at most this wait, not a hang.
        config.setConnectionTimeout(environment.getProperty("authorworks.database-connect-timeout", Duration.class,
                Duration.ofSeconds(10)).toMillis());
        config.setInitializationFailTimeout(60_000);
        EmbeddedPostgresServer server = embedded;
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                if (server != null) {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // the process is going away; PostgreSQL's own shutdown is best-effort here
                    }
                }
            }
        };
    }

    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource, List<ServiceSchema> schemas) {
        return SchemaMigrations.run(dataSource, schemas);
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource, SchemaMigrations migrated) {
        return JdbcClient.create(dataSource);
    }

    /** Proof that every service schema in this process is migrated. */
    public record SchemaMigrations(List<String> schemas) {

        static SchemaMigrations run(DataSource dataSource, List<ServiceSchema> schemas) {
            for (ServiceSchema schema : schemas) {
                Flyway.configure()
                        .dataSource(dataSource)
                        .schemas(schema.name())
                        .createSchemas(true)
                        .locations(schema.migrationsLocation())
                        .load()
                        .migrate();
            }
            return new SchemaMigrations(schemas.stream().map(ServiceSchema::name).toList());
        }
    }
}
