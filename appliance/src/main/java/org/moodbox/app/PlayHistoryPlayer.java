package org.moodbox.app;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogException;
import org.moodbox.device.StorageFull;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.Player;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A player that writes the catalog's play history: one row per {@link #play}, with the mood it was chosen
 * for. Recording the request, not the player's state events, counts each start once however many times the
 * player announces PLAYING for it (on the tap, then again when the sound device is open).
 */
final class PlayHistoryPlayer implements Player {
    private static final Logger LOG = LoggerFactory.getLogger(PlayHistoryPlayer.class);
    private final Player player;
    private final Catalog catalog;
    private final Supplier<String> moodLabel;

    PlayHistoryPlayer(Player player, Catalog catalog, Supplier<String> moodLabel) {
        this.player = player;
        this.catalog = catalog;
        this.moodLabel = moodLabel;
    }

    @Override
    public void play(Track track) {
        player.play(track);
        // The music plays whatever happens to the history: a full or failing SD card must not turn a song that
        // started into an error. The failure is logged, and a full card is a notice on the owner's pages.
        try {
            catalog.recordPlay(track.id(), moodLabel.get(), null);
            StorageFull.cleared();
        } catch (CatalogException e) {
            StorageFull.noticeIf(e);
            LOG.warn("'{}' plays, but its play was not recorded: {}", track.title(), e.getMessage());
        }
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
