package org.moodbox.model;

/**
 * Spotify's own track addresses ({@code spotify:track:<id>}), the one spelling the importer writes, the
 * Spotify search reads and the player routes by.
 */
public final class SpotifyUri {
    private static final String PREFIX = "spotify:";
    private static final String TRACK_PREFIX = PREFIX + "track:";

    private SpotifyUri() {
    }

    /** The address of the track with Spotify id {@code id}. */
    public static String track(String id) {
        if (id == null || id.isBlank() || id.contains(":")) {
            throw new IllegalArgumentException("not a Spotify track id: '" + id + "'");
        }
        return TRACK_PREFIX + id;
    }

    /** Whether {@code uri} is any Spotify address (played by Spotify, not by the box's own player). */
    public static boolean isSpotify(String uri) {
        return uri != null && uri.startsWith(PREFIX);
    }

    /** Whether {@code uri} names one Spotify track (not an album, a playlist or an episode). */
    public static boolean isTrack(String uri) {
        return uri != null && uri.startsWith(TRACK_PREFIX) && uri.length() > TRACK_PREFIX.length();
    }
}
