package io.happyos.registry.core.persist;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry database's schema, as a list of migrations. A database records the last one
 * applied in {@code PRAGMA user_version}; start-up applies the rest in place. Never change a
 * released migration: add the next one.
 */
final class Schema {

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+)");

    /** Every migration, in order of version, starting at 1. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(
                    1,
                    "create the tables",
                    List.of(
                            "CREATE TABLE explicit_dependency(dependent TEXT NOT NULL, dependency TEXT NOT NULL,"
                                    + " added_at INTEGER NOT NULL, actor TEXT, PRIMARY KEY(dependent, dependency))",
                            "CREATE TABLE standalone_component(id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,"
                                    + " path TEXT, module_name TEXT, version TEXT, last_modified INTEGER, metadata TEXT,"
                                    + " registered_at INTEGER NOT NULL)",
                            "CREATE TABLE error_history(component_id TEXT NOT NULL, at INTEGER NOT NULL, message TEXT NOT NULL)",
                            "CREATE INDEX error_history_component ON error_history(component_id)",
                            "CREATE TABLE manual_status(component_id TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT,"
                                    + " at INTEGER NOT NULL)",
                            "CREATE TABLE access(component_id TEXT PRIMARY KEY, count INTEGER NOT NULL,"
                                    + " last_accessed INTEGER NOT NULL)",
                            "CREATE TABLE audit(seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
                                    + " actor TEXT NOT NULL, operation TEXT NOT NULL, component_id TEXT, ok INTEGER NOT NULL,"
                                    + " error TEXT, details TEXT)",
                            "CREATE INDEX audit_at ON audit(at)",
                            "CREATE INDEX audit_component ON audit(component_id)",
                            "CREATE INDEX audit_operation ON audit(operation)")),
            new Migration(
                    2,
                    "keep the definitions of header indexes",
                    List.of(
                            "CREATE TABLE header_index(name TEXT PRIMARY KEY, header TEXT NOT NULL, created_at INTEGER NOT NULL)")),
            new Migration(
                    3,
                    "keep what was provisioned (features and mvn: installs)",
                    List.of("CREATE TABLE provisioned_set(name TEXT PRIMARY KEY, kind TEXT NOT NULL, version TEXT,"
                            + " source TEXT NOT NULL, provisioned_at INTEGER NOT NULL, actor TEXT NOT NULL,"
                            + " bundles TEXT NOT NULL)")),
            new Migration(
                    4,
                    "keep quotas",
                    List.of("CREATE TABLE quota(scope TEXT NOT NULL, quota_limit TEXT NOT NULL, value REAL NOT NULL,"
                            + " enforce INTEGER NOT NULL, grace_ms INTEGER NOT NULL, origin TEXT NOT NULL,"
                            + " set_at INTEGER NOT NULL, PRIMARY KEY(scope, quota_limit))")));

    /** Every table some schema version creates: a database with another table is not the registry's. */
    static final Set<String> TABLES = MIGRATIONS.stream()
            .flatMap(m -> m.statements().stream())
            .map(CREATE_TABLE::matcher)
            .filter(Matcher::lookingAt)
            .map(m -> m.group(1))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The tables a database at a schema version has.
     *
     * @param version the schema version
     * @return the tables its migrations create
     */
    static Set<String> tablesAt(int version) {
        return MIGRATIONS.stream()
                .filter(m -> m.version() <= version)
                .flatMap(m -> m.statements().stream())
                .map(CREATE_TABLE::matcher)
                .filter(Matcher::lookingAt)
                .map(m -> m.group(1))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The newest schema version this code knows. */
    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {}

    /**
     * Brings a database up to {@link #LATEST}, one migration per transaction, each setting
     * {@code user_version}; a failing migration is rolled back whole.
     *
     * @param writer the write connection, in auto-commit mode
     * @param from the database's version now
     * @throws SQLException when a migration fails
     */
    static void migrate(Connection writer, int from) throws SQLException {
        for (Migration m : MIGRATIONS) {
            if (m.version() <= from) {
                continue;
            }
            Connections.execute(writer, "BEGIN IMMEDIATE");
            try {
                for (String sql : m.statements()) {
                    Connections.execute(writer, sql);
                }
                Connections.execute(writer, "PRAGMA user_version = " + m.version());
                Connections.execute(writer, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    Connections.execute(writer, "ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            LOG.info("registry database upgraded to schema version {}: {}", m.version(), m.description());
        }
    }
}
