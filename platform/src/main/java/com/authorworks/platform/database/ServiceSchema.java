package com.authorworks.platform.database;

/**
 * A service's own schema. Its Flyway migrations live on the classpath under
 * {@code db/migration/<name>} and keep their own history table inside the schema.
 */
public record ServiceSchema(String name) {

    public String migrationsLocation() {
        return "classpath:db/migration/" + name;
    }
}
