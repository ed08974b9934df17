package org.moodbox.playback;

import java.util.Objects;
import java.util.function.Consumer;
import org.moodbox.model.Track;

/**
 * A player that passes every call on to another: a decorator overrides only what it adds (the queue its
 * moving on, the history its recording), like Mopidy's playback base with defaults.
 */
public abstract class ForwardingPlayer implements Player {
    protected final Player player;

    protected ForwardingPlayer(Player player) {
        this.player = Objects.requireNonNull(player);
    }

    @Override
    public void play(Track track) {
        player.play(track);
    }

    @Override
    public void pause() {
        player.pause();
    }

    @Override
    public void resume() {
        player.resume();
    }

    @Override
    public void stop() {
        player.stop();
    }

    @Override
    public void setVolume(double volume) {
        player.setVolume(volume);
    }

    @Override
    public void setVolumeCap(double cap) {
        player.setVolumeCap(cap);
    }

    @Override
    public double volumeCap() {
        return player.volumeCap();
    }

    @Override
    public PlaybackState state() {
        return player.state();
    }

    @Override
    public void subscribe(Consumer<PlaybackState> listener) {
        player.subscribe(listener);
    }

    @Override
    public void close() {
        player.close();
    }
}
