package io.happyos.registry;

import java.util.List;

/**
 * What a batch operation did, item by item, in the order the items were processed.
 *
 * @param items one per item, unmodifiable
 */
public record BatchResult(List<BatchItem> items) {

    /**
     * Copies the items.
     *
     * @param items one per item
     */
    public BatchResult {
        items = List.copyOf(items);
    }

    /** @return how many items ended as asked (done or unchanged) */
    public int successCount() {
        return (int) items.stream().filter(BatchItem::succeeded).count();
    }

    /** @return the items that failed or were skipped */
    public List<BatchItem> problems() {
        return items.stream().filter(i -> !i.succeeded()).toList();
    }

    /**
     * The item of one key.
     *
     * @param key the key (component id, path or name)
     * @return the item, or {@code null} when the batch had none
     */
    public BatchItem item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
    }
}
