package org.moodbox.playback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.moodbox.model.Track;

/**
 * One {@link Player} for the kiosk over several: Spotify tracks ({@code spotify:} uris) go to the Spotify
 * player, everything else to the local one. Starting on one stops the other, and only the player in use
 * speaks to the listeners, so the screen shows one "now playing".
 */
public final class RoutingPlayer implements Player {
    private final Player local;
    private final Player spotify;
    private final List<Consumer<PlaybackState>> listeners = new CopyOnWriteArrayList<>();
    private volatile Player current;

    public RoutingPlayer(Player local, Player spotify) {
        this.local = local;
        this.spotify = spotify;
        this.current = local;
        local.subscribe(s -> forward(local, s));
        spotify.subscribe(s -> forward(spotify, s));
    }

    private void forward(Player from, PlaybackState s) {
        if (from == current) {
            listeners.forEach(l -> l.accept(s));
        }
    }

    /** One tap at a time: two taps at once from two screens must not leave both players playing. */
    @Override
    public synchronized void play(Track track) {
        Player next = track.playsOnSpotify() ? spotify : local;
        if (next != current) {
            current.stop();
            next.setVolume(current.state().volume());
            current = next;
        }
        next.play(track);
    }

    @Override
    public void pause() {
        current.pause();
    }

    @Override
    public void resume() {
        current.resume();
    }

    @Override
    public void stop() {
        current.stop();
    }

    @Override
    public void setVolume(double volume) {
        current.setVolume(volume);
    }

    @Override
    public double volumeCap() {
        return local.volumeCap(); // both players are given the same cap
    }

    @Override
    public void setVolumeCap(double cap) {
        local.setVolumeCap(cap);
        spotify.setVolumeCap(cap);
    }

    @Override
    public PlaybackState state() {
        return current.state();
    }

    @Override
    public void subscribe(Consumer<PlaybackState> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        spotify.close();
        local.close();
    }
}
