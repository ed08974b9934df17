package org.moodbox.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Ignored commands, told once: the first is logged with its reason, later ones are counted and summed up in one
 * line at most once a minute ("and 999 more"), so a flood of bad payloads cannot flood the log or the owner's
 * problem list. {@link #last()} is what the admin page shows.
 */
final class CollapsedWarnings {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Logger log;
    private final Clock clock;
    private Instant windowStart;
    private long suppressed;
    private volatile String last;

    CollapsedWarnings(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    synchronized void ignored(String why) {
        Instant now = clock.instant();
        if (windowStart == null || Duration.between(windowStart, now).compareTo(WINDOW) >= 0) {
            if (suppressed > 0) {
                log.warn("MQTT: {} more commands ignored in the last minute; the last: {}", suppressed, why);
            } else {
                log.warn("MQTT: command ignored: {}", why);
            }
            windowStart = now;
            suppressed = 0;
        } else {
            suppressed++;
        }
        last = (suppressed > 0 ? suppressed + 1 + " commands ignored since " + windowStart + "; the last: "
                : "command ignored at " + now + ": ") + why;
    }

    String last() {
        return last;
    }
}
