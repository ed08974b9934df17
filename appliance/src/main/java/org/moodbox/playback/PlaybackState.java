package org.moodbox.playback;

import org.moodbox.model.Track;

/**
 * What the speakers are doing.
 *
 * @param track  null when stopped with nothing loaded
 * @param output where audio goes, for example "sound card: default" or "null sink (no sound device)"
 * @param error  the last playback problem a person should see, or null
 */
public record PlaybackState(Track track, Status status, double positionSeconds, double volume, String output,
                            String error) {
    public enum Status { STOPPED, PLAYING, PAUSED }
}
