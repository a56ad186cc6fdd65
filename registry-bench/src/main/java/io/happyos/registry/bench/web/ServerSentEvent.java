package io.happyos.registry.bench.web;

/**
 * One event of a {@code text/event-stream}, as a client sees it.
 *
 * @param id the last {@code id:} field seen, "" when none
 * @param type the {@code event:} field, "message" when none
 * @param data the {@code data:} lines, joined by {@code \n}
 * @param arrivedNanos {@link System#nanoTime()} when the blank line that ends it was read
 */
record ServerSentEvent(String id, String type, String data, long arrivedNanos) {}
