package com.authorworks.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void postgresUrlBecomesJdbcWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://aw:s%40cret@db.local:6543/authorworks?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/authorworks?sslmode=require");
        assertThat(url.username()).isEqualTo("aw");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void defaultPortIsFilledIn() {
        assertThat(DatabaseUrl.parse("postgresql://db/authorworks").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/authorworks");
    }

    @Test
    void jdbcUrlIsTakenAsIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/x?user=a&password=b");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x?user=a&password=b");
        assertThat(url.username()).isNull();
    }

    @Test
    void passwordNeverAppearsInToString() {
        assertThat(DatabaseUrl.parse("postgres://aw:hunter2@db/x").toString()).doesNotContain("hunter2");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://db/x"));
    }
}
