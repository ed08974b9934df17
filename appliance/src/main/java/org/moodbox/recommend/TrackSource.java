package org.moodbox.recommend;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.moodbox.catalog.Catalog;
import org.moodbox.model.Track;

/** Where the recommender reads tracks, explicit flags and listening history, on every request. */
public interface TrackSource {
    /**
     * All tracks. Returning the same list instance as last time tells the recommender nothing changed, so
     * it keeps its index; a new instance makes it rebuild.
     */
    List<Track> tracks();

    Set<Long> explicitTrackIds();

    PlayHistory history(int window);

    /** Tracks only: nothing explicit, no history (tests, benchmarks, the old constructor). */
    static TrackSource of(Supplier<List<Track>> tracks) {
        return of(tracks, Set.of(), PlayHistory.NONE);
    }

    static TrackSource of(Supplier<List<Track>> tracks, Set<Long> explicit, PlayHistory history) {
        return new TrackSource() {
            @Override
            public List<Track> tracks() {
                return tracks.get();
            }

            @Override
            public Set<Long> explicitTrackIds() {
                return explicit;
            }

            @Override
            public PlayHistory history(int window) {
                List<Long> recent = history.recentTrackIds();
                return new PlayHistory(recent.subList(0, Math.min(window, recent.size())), history.tallies());
            }
        };
    }

    /** The catalog as it is now. Reads every track on each request: fine for a home library; see issue 5. */
    static TrackSource of(Catalog catalog) {
        return new TrackSource() {
            @Override
            public List<Track> tracks() {
                return catalog.allTracks();
            }

            @Override
            public Set<Long> explicitTrackIds() {
                return catalog.explicitTrackIds();
            }

            @Override
            public PlayHistory history(int window) {
                return new PlayHistory(catalog.recentTrackIds(window), catalog.playTallies());
            }
        };
    }
}
