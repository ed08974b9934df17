package org.moodbox.device;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Standing conditions the owner must see on the admin and status pages until they are over: a catalog rebuilt
 * after damage, storage that is full. Unlike {@link RecentProblems} (a log ring that newer lines push out), a
 * notice stays until the room that raised it clears it.
 *
 * <p>One board per process, like the log it sits beside: the rooms that notice (catalog start, a failed write)
 * and the page that shows them are built far apart.
 */
public final class BoxNotices {
    private static final Map<String, String> NOTICES = new ConcurrentSkipListMap<>();

    private BoxNotices() {
    }

    /** Raises (or replaces) the notice about {@code topic}, e.g. "storage" or "catalog". */
    public static void raise(String topic, String text) {
        NOTICES.put(topic, text);
    }

    public static void clear(String topic) {
        NOTICES.remove(topic);
    }

    /** The notices, ordered by topic. */
    public static List<Notice> current() {
        return NOTICES.entrySet().stream().map(e -> new Notice(e.getKey(), e.getValue())).toList();
    }

    public record Notice(String topic, String text) {
    }
}
