package org.moodbox.youtube;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The Data API quota as Google counts it: units per day, the day running from midnight to midnight Pacific
 * time (America/Los_Angeles, so 07:00 or 08:00 UTC depending on daylight saving time). Kept in SQLite, so a
 * restart does not forget what was spent; every call is booked before it is made, so the budget is never
 * overrun, even by a call that then fails (Google charges those too).
 */
final class QuotaLedger {
    static final ZoneId GOOGLE_QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private final YoutubeStore store;
    private final Clock clock;

    QuotaLedger(YoutubeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The quota day now, as yyyy-MM-dd in Pacific time. */
    String today() {
        return LocalDate.now(clock.withZone(GOOGLE_QUOTA_ZONE)).toString();
    }

    /** When Google's next quota day starts. */
    Instant nextReset() {
        return LocalDate.now(clock.withZone(GOOGLE_QUOTA_ZONE)).plusDays(1).atStartOfDay(GOOGLE_QUOTA_ZONE)
                .toInstant();
    }

    int usedToday() {
        return store.unitsUsed(today());
    }

    boolean exhaustedToday() {
        return store.exhausted(today());
    }

    /** Books {@code units} if they fit the budget and YouTube has not said "quota exceeded" today. */
    boolean book(int units, int budget) {
        return store.book(today(), units, budget);
    }

    void markExhausted() {
        store.markExhausted(today());
    }
}
