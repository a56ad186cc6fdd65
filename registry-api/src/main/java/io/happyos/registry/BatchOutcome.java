package io.happyos.registry;

/** What a batch operation did to one of its items. */
public enum BatchOutcome {
    /** The operation changed the component as asked. */
    DONE,
    /** Nothing needed doing (already active, already inactive, same status). */
    UNCHANGED,
    /** The operation failed; the item's message says why. */
    FAILED,
    /** Not attempted because something it depends on failed; the message names it. */
    SKIPPED
}
