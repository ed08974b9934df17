package org.moodbox.web.shared;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.moodbox.catalog.ArtworkStore;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.Player;
import org.moodbox.recommend.Recommender;

/**
 * The rooms every web server shows, whatever else it adds: the kiosk screen's mood, cards, player, covers and
 * the listener's likes and skips. Everything optional (the owner's sign-in and sections, the queue, hand-over,
 * Spotify, YouTube) arrives as a {@link WebExtension}.
 *
 * @param cameraOn what the "camera on" indicator shows; the page tells people when the camera watches
 * @param feedback where likes and skips go (the catalog's play history)
 */
public record KioskRooms(MoodFeed moodFeed, Recommender recommender, Player player, ArtworkStore artwork,
                         TrackLookup tracks, BooleanSupplier cameraOn, TrackFeedback feedback) {
    public KioskRooms {
        Objects.requireNonNull(moodFeed, "moodFeed");
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(artwork, "artwork");
        Objects.requireNonNull(tracks, "tracks");
        Objects.requireNonNull(cameraOn, "cameraOn");
        Objects.requireNonNull(feedback, "feedback");
    }
}
