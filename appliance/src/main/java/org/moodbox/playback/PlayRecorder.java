package org.moodbox.playback;

import org.moodbox.model.Track;

/** Where a started track is written down (the catalog's play log, in the appliance): playback's own port. */
@FunctionalInterface
public interface PlayRecorder {
    /** A track was started for a listener in this mood (its label); the outcome is not known yet. */
    void started(Track track, String mood);
}
