package com.authorworks.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 started from the binaries on the classpath, with its data kept in a directory
 * across restarts. A server left running by a process that was killed (kill -9 leaves the
 * postmaster orphaned and the data directory locked) is stopped before starting anew.
 *
 * <p>It is sized for the one-machine platform, whose JVM and PostgreSQL together stay within 512 MB
 * (bench/memory): {@value #SHARED_BUFFERS} of shared buffers instead of PostgreSQL's 128 MB, because every
 * page of them that is touched stays resident and, under load, all were (the database outgrows them
 * within one long book); pages past them are read from the operating system's file cache.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** PostgreSQL's shared buffer cache (its default is 128MB); see the class comment. */
    static final String SHARED_BUFFERS = "16MB";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", SHARED_BUFFERS)
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage() + ". Set DATABASE_URL to use another PostgreSQL.", e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (RuntimeException unreadable) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            log.warn("Stopping PostgreSQL (pid {}) left running by a previous run", pid);
            orphan.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, then we wait
            try {
                orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception slow) {
                orphan.destroyForcibly();
            }
        });
        Files.deleteIfExists(pidFile);
    }
}
