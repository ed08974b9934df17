package org.moodbox.playback;

import java.util.function.Consumer;
import org.moodbox.model.Track;

/** A way to make a track audible: local files now; librespot and Spotify Connect later. */
public interface Player extends AutoCloseable {
    /** Starts the track at once, replacing whatever plays; returns without waiting for the audio. */
    void play(Track track);

    void pause();

    void resume();

    void stop();

    /** 0..1, clipped to the owner's cap. */
    void setVolume(double volume);

    /**
     * The loudest a listener may turn it, 0..1, changed while running (the owner saved a new cap). A cap below
     * the current volume lowers the volume at once: the owner set it because it was too loud now.
     */
    void setVolumeCap(double cap);

    /** The loudest a listener may turn it now, 0..1: the kiosk's volume slider ends here. */
    double volumeCap();

    PlaybackState state();

    /** Called on every state change (start, pause, end of track, error). */
    void subscribe(Consumer<PlaybackState> listener);

    @Override
    void close();
}
