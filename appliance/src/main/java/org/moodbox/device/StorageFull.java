package org.moodbox.device;

/**
 * Recognises a failure caused by full storage (the SD card), whichever room's write hit it: Java's
 * "No space left on device" (ENOSPC) or SQLite's SQLITE_FULL. The owner is then told "the storage is full"
 * instead of "internal error", and a notice stays on the status page until a write succeeds again.
 */
public final class StorageFull {
    public static final String TOPIC = "storage";
    public static final String MESSAGE = "the box's storage is full; free some space (delete music or old files "
            + "from the SD card) and try again";

    private StorageFull() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("SQLITE_FULL")
                    || message.contains("database or disk is full"))) {
                return true;
            }
        }
        return false;
    }

    /** Raises the storage notice when {@code failure} is full storage; returns whether it was. */
    public static boolean noticeIf(Throwable failure) {
        if (!causedBy(failure)) {
            return false;
        }
        BoxNotices.raise(TOPIC, MESSAGE);
        return true;
    }

    /** A write went through: the storage is not full (any more). */
    public static void cleared() {
        BoxNotices.clear(TOPIC);
    }
}
