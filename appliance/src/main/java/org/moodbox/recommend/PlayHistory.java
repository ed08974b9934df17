package org.moodbox.recommend;

import java.util.List;
import org.moodbox.catalog.PlayTally;

/**
 * What the recommender remembers of past listening, as read from the catalog's plays table.
 *
 * @param recentTrackIds the no-repeat window: the last plays, newest first
 * @param tallies        likes, skips and full plays per track (see {@link FeedbackWeights})
 */
public record PlayHistory(List<Long> recentTrackIds, List<PlayTally> tallies) {
    public static final PlayHistory NONE = new PlayHistory(List.of(), List.of());
    /** How many of the last plays are never repeated. */
    public static final int DEFAULT_WINDOW = 20;

    public PlayHistory {
        recentTrackIds = List.copyOf(recentTrackIds);
        tallies = List.copyOf(tallies);
    }
}
