package org.moodbox.web.shared;

import org.moodbox.catalog.Catalog;

/** The listener's verdict on the track that plays: 1 liked, -1 skipped. The recommender weighs them. */
@FunctionalInterface
public interface TrackFeedback {
    void judge(long trackId, int feedback);

    /** Stored on the track's latest play in the catalog (a play of its own when none was recorded). */
    static TrackFeedback of(Catalog catalog) {
        return (trackId, feedback) -> {
            if (!catalog.judgeLatestPlay(trackId, feedback)) {
                catalog.recordPlay(trackId, null, feedback);
            }
        };
    }
}
