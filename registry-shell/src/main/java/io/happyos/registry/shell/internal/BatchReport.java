package io.happyos.registry.shell.internal;

import io.happyos.registry.BatchItem;
import io.happyos.registry.BatchOutcome;
import io.happyos.registry.BatchResult;
import io.happyos.registry.RegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch command prints: a table of its items (or JSON), then, when items failed or were
 * skipped, one exception naming them.
 *
 * <p>JSON: {@code {"items":[{"key","id","outcome","message"}],"succeeded":N,"failed":N}}, where
 * {@code failed} counts the items that failed or were skipped.
 */
final class BatchReport {

    private BatchReport() {}

    /**
     * Prints the result, then fails when anything did not succeed.
     *
     * @param ctx where to print
     * @param result the batch's result
     * @param json whether to print JSON
     * @param what the items, in words, for the failure ("components")
     * @throws RegistryException "N of M components failed: a (reason), b (skipped: why)" when an
     *     item failed or was skipped
     */
    static void print(CommandContext ctx, BatchResult result, boolean json, String what) {
        if (json) {
            ctx.printJson(json(result));
        } else {
            ctx.print(result.items().isEmpty() ? "Nothing to do." : table(result, ctx.ansi()));
        }
        List<BatchItem> problems = result.problems();
        if (!problems.isEmpty()) {
            throw new RegistryException(failure(result, what));
        }
    }

    /**
     * The items as a table: id, outcome, message.
     *
     * @param result the batch's result
     * @param ansi what the output can show (outcomes are coloured)
     * @return the table's text
     */
    static String table(BatchResult result, Ansi ansi) {
        TextTable table = new TextTable("ID", "OUTCOME", "MESSAGE");
        for (BatchItem item : result.items()) {
            table.row(item.id() != null ? item.id() : item.key(), item.outcome(), item.message());
        }
        return table.render(ansi);
    }

    /**
     * The result as a JSON object.
     *
     * @param result the batch's result
     * @return {@code items}, {@code succeeded}, {@code failed}
     */
    static Map<String, Object> json(BatchResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", result.items().stream().map(BatchReport::item).toList());
        out.put("succeeded", result.successCount());
        out.put("failed", result.problems().size());
        return out;
    }

    /**
     * The one-line failure of a batch.
     *
     * @param result the batch's result, with at least one problem
     * @param what the items, in words
     * @return "N of M components failed: a (reason), b (skipped: why)"
     */
    static String failure(BatchResult result, String what) {
        List<BatchItem> problems = result.problems();
        StringBuilder out = new StringBuilder()
                .append(problems.size())
                .append(" of ")
                .append(result.items().size())
                .append(' ')
                .append(what)
                .append(" failed: ");
        for (int i = 0; i < problems.size(); i++) {
            BatchItem item = problems.get(i);
            String reason = item.message() == null ? "no reason given" : item.message();
            out.append(i == 0 ? "" : ", ")
                    .append(item.key())
                    .append(" (")
                    .append(item.outcome() == BatchOutcome.SKIPPED ? "skipped: " : "")
                    .append(reason)
                    .append(')');
        }
        return out.toString().replace('\n', ' ');
    }

    private static Map<String, Object> item(BatchItem item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", item.key());
        out.put("id", item.id());
        out.put("outcome", item.outcome());
        out.put("message", item.message());
        return out;
    }
}
