package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import java.util.Optional;
import org.moodbox.model.Mood;

/**
 * An online source of songs (YouTube, Spotify) that feeds the catalog in the background. The recommender
 * tells it what is wanted on every request; the source fetches on its own threads and writes what it finds
 * into the catalog, where the next request ranks it with everything else. A source that is off, out of
 * quota or unreachable simply adds nothing: the local library is always there.
 *
 * <p>Why a push into the catalog rather than a pull at request time: the kiosk must never wait for the
 * network, and the catalog is where history, filters and ranking already live. Why driven by the mood rather
 * than by a timed sweep of every mood: YouTube's quota pays for about 100 searches a day, so the source asks
 * only for what the person in front of the box needs now.
 */
public interface OnlineSource {
    /** Which source this is, for logs and notices. */
    SourceKind kind();

    /**
     * The listener's mood and the owner's filter now. Must return at once: any network work goes to the
     * source's own thread, with timeouts.
     */
    void wanted(Mood mood, TrackFilter filter);

    /** What the kiosk and the owner should be told about this source now (quota used up, unreachable). */
    Optional<SourceNotice> notice();
}
