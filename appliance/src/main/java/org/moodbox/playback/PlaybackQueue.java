package org.moodbox.playback;

import java.util.List;
import java.util.Optional;
import org.moodbox.model.Track;

/**
 * What "next" means on the box, for every way of asking: the kiosk's next button ({@code POST /api/next}),
 * the hardware button's short press ({@code DeviceEvents.onNext}), and the end of a track (or a track that
 * cannot be played), which all move on the same way: the next queued track, else the next recommended one.
 */
public interface PlaybackQueue {
    /** Plays the next queued track, or the next recommendation when the queue is empty; empty when there is none. */
    Optional<Track> next();

    /** The longest queue: 3,000 adds once made every queue answer 779 KB; nobody queues more than a party's worth. */
    int MAX_QUEUED = 100;

    /** Plays after what is queued already; false (nothing queued) when {@link #MAX_QUEUED} tracks wait already. */
    boolean enqueue(Track track);

    /** Queued tracks, next first (recommendations that would follow are not listed). */
    List<Track> upcoming();

    void clearQueue();
}
