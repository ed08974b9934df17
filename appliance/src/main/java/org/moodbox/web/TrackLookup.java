package org.moodbox.web;

import java.util.Optional;
import org.moodbox.catalog.Track;

/**
 * The two questions the web room asks the catalog: "which track is this id?" and "how many are there?".
 * Kept this small so the SQLite catalog can be wired in with a method reference or two.
 */
public interface TrackLookup {
    Optional<Track> byId(long id);

    /** Number of tracks in the catalog, shown on the admin page. */
    long count();
}
