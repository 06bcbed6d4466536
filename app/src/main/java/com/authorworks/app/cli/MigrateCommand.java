package com.authorworks.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.authorworks.platform.database.DatabaseUrl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Migrates every schema this jar has migrations for ({@code db/migration/<schema>}: each service's and the
 * platform's events) in the database, then exits: what a Kubernetes migration Job runs before the services
 * roll out (deploy/k8s/migration-job.yaml). Each service also migrates its own schemas when it starts, so
 * this is for ordering and for seeing a failed migration in one place, not a requirement.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrate every service's schema in DATABASE_URL and exit.")
final class MigrateCommand implements Callable<Integer> {

    private static final Pattern SCHEMA = Pattern.compile("db/migration/([a-z_]+)/V[^/]+\\.sql$");

    @Option(names = "--database-url", description = "postgres://user:password@host:port/db or jdbc:postgresql:…; default: DATABASE_URL")
    String databaseUrl = System.getenv("DATABASE_URL");

    @Override
    public Integer call() {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            System.err.println("Set DATABASE_URL (or --database-url): migrate needs the database to migrate.");
            return 2;
        }
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url.jdbcUrl());
        if (url.username() != null) {
            dataSource.setUser(url.username());
        }
        if (url.password() != null) {
            dataSource.setPassword(url.password());
        }
        for (String schema : schemas()) {
            var result = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                    .locations("classpath:db/migration/" + schema).load().migrate();
            System.out.printf("%s: %d migration(s) applied, now at version %s%n", schema, result.migrationsExecuted,
                    result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
        }
        return 0;
    }

    /** The schemas the classpath has migrations for. */
    static TreeSet<String> schemas() {
        TreeSet<String> schemas = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql")) {
                Matcher matcher = SCHEMA.matcher(resource.getURL().toString());
                if (matcher.find()) {
                    schemas.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }
}
