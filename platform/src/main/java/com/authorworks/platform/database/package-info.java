/** The database: embedded PostgreSQL by default or DATABASE_URL, and one Flyway history per service schema. */
package com.authorworks.platform.database;
