package io.happyos.registry.core.internal;

import io.happyos.registry.core.model.Journal;
import io.happyos.registry.core.persist.SqliteJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.osgi.framework.BundleContext;

/** Chooses the journal: none when persistence is off, else the SQLite one in the storage folder. */
final class Journals {

    /** Framework property: {@code false} keeps the registry's state in memory only. */
    static final String PERSISTENCE = "happyos.persistence";

    private Journals() {}

    /** Framework property: audit records kept at most (default 100000). */
    static final String AUDIT_MAX_RECORDS = "happyos.audit.maxRecords";
    /** Framework property: days audit records are kept (default 90). */
    static final String AUDIT_MAX_DAYS = "happyos.audit.maxDays";

    static Journal open(
            BundleContext context,
            RegistrySettings settings,
            io.happyos.registry.core.concurrent.RegistryThreads threads) {
        if ("false".equalsIgnoreCase(context.getProperty(PERSISTENCE))) {
            return Journal.NONE;
        }
        String dir = context.getProperty("happyos.storage.dir");
        Path storage = dir != null && !dir.isBlank()
                ? Path.of(dir)
                : context.getDataFile("").toPath();
        Path file = storage.resolve("registry.db");
        int keepAudit = number(context, AUDIT_MAX_RECORDS, 100_000);
        Duration auditAge = Duration.ofDays(number(context, AUDIT_MAX_DAYS, 90));
        if (Files.exists(file) || !Files.isDirectory(storage)) {
            // what it holds is restored before anything starts, and its checks may refuse the start
            return new SqliteJournal(file, settings.errorHistorySize(), keepAudit, auditAge, threads);
        }
        // a new database: nothing to restore, so it is created while the registry starts
        CompletableFuture<Journal> opening = new CompletableFuture<>();
        threads.factory("db-open", false)
                .newThread(() -> {
                    try {
                        opening.complete(
                                new SqliteJournal(file, settings.errorHistorySize(), keepAudit, auditAge, threads));
                    } catch (Throwable e) {
                        opening.completeExceptionally(e);
                    }
                })
                .start();
        return new OpeningJournal(opening);
    }

    private static int number(BundleContext context, String property, int fallback) {
        String value = context.getProperty(property);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
