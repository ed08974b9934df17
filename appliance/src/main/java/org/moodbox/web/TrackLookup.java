package org.moodbox.web;

import java.util.Optional;
import org.moodbox.catalog.Catalog;
import org.moodbox.model.Track;

/**
 * The two questions the web room asks the catalog: "which track is this id?" and "how many are there?".
 * Kept this small so the web tests and the appliance can answer them from any catalog.
 */
public interface TrackLookup {
    Optional<Track> byId(long id);

    /** Number of tracks in the catalog, shown on the admin page. */
    long count();

    /** The SQLite catalog answering both. */
    static TrackLookup of(Catalog catalog) {
        return new TrackLookup() {
            @Override
            public Optional<Track> byId(long id) {
                return catalog.track(id);
            }

            @Override
            public long count() {
                return catalog.trackCount();
            }
        };
    }
}
