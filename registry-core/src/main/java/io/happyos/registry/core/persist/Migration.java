package io.happyos.registry.core.persist;

import java.util.List;

/**
 * One step of the schema: the statements that bring a database from {@code version - 1} to
 * {@code version}. Applied in one transaction together with {@code PRAGMA user_version}.
 *
 * @param version the schema version after this step
 * @param description what it changes, for the log
 * @param statements the SQL to run, in order
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        statements = List.copyOf(statements);
    }
}
