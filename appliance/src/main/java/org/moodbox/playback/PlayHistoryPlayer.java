package org.moodbox.playback;

import java.util.Objects;
import java.util.function.Supplier;
import org.moodbox.model.Track;

/**
 * A player that writes the play history: one record per {@link #play}, with the mood it was chosen for.
 * Recording the request, not the player's state events, counts each start once however many times the
 * player announces PLAYING for it (on the tap, then again when the sound device is open).
 */
public final class PlayHistoryPlayer extends ForwardingPlayer {
    private final PlayRecorder history;
    private final Supplier<String> moodLabel;

    public PlayHistoryPlayer(Player player, PlayRecorder history, Supplier<String> moodLabel) {
        super(player);
        this.history = Objects.requireNonNull(history);
        this.moodLabel = Objects.requireNonNull(moodLabel);
    }

    @Override
    public void play(Track track) {
        player.play(track);
        history.started(track, moodLabel.get());
    }
}
