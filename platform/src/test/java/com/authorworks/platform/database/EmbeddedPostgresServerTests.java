package com.authorworks.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @Test
    void startsWithSmallSharedBuffersAndKeepsItsDataAcrossARestart(@TempDir Path data) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data);
                Connection connection = server.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(show(statement, "shared_buffers")).isEqualTo(EmbeddedPostgresServer.SHARED_BUFFERS);
            assertThat(show(statement, "max_connections")).isEqualTo("200");
            statement.execute("CREATE TABLE kept (n int)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        // a second start on the same data directory: the same settings, the same rows
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data);
                Connection connection = server.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT n FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
            assertThat(show(statement, "shared_buffers")).isEqualTo(EmbeddedPostgresServer.SHARED_BUFFERS);
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
