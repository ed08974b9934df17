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

    /** Plays after what is queued already. */
    void enqueue(Track track);

    /** Queued tracks, next first (recommendations that would follow are not listed). */
    List<Track> upcoming();

    void clearQueue();
}
