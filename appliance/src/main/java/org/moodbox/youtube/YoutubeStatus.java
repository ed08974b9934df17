package org.moodbox.youtube;

import java.time.Instant;
import org.moodbox.recommend.SourceNotice;

/**
 * What the admin page shows about the YouTube source. The API key appears only as a hint.
 *
 * @param keyHint         the key's last characters ("…x9Q4"), null when no key is stored
 * @param unitsUsedToday  quota units this box booked in the current Pacific day
 * @param quotaResetsAt   the next midnight, Pacific time
 * @param cachedSearches  answers kept (each is reused until it expires instead of costing 100 units again)
 * @param linkOnlyTracks  YouTube videos in the catalog now
 * @param notice          the current problem, null when there is none
 */
public record YoutubeStatus(boolean keySet, String keyHint, boolean searchEnabled, boolean active,
                            int unitsUsedToday, int dailyBudget, int searchCost, Instant quotaResetsAt,
                            int cachedSearches, int linkOnlyTracks, String lastSearch, Instant lastSearchAt,
                            SourceNotice notice) {
}
