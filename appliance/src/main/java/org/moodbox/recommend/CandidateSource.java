package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import java.util.List;

/**
 * An online service's tracks for the recommender (Spotify, YouTube): found in the background, cached in the
 * catalog, handed over here without waiting. The recommender never calls a service on a kiosk request; when
 * the service is down or unlinked its source returns no tracks and the local library carries on alone.
 */
public interface CandidateSource {
    /** The catalog source of this service's tracks; such rows count only through this source. */
    SourceKind sourceKind();

    /**
     * The tracks usable now (with features where known), at once and without I/O to the service. Empty while
     * the service cannot be used. Returning the same list instance means nothing changed.
     */
    List<org.moodbox.model.Track> candidates();
}
