package org.moodbox.model;

/**
 * One playable (or linkable) song as the catalog knows it.
 *
 * @param source      "local" for library files, "import" for feature tables, "youtube" for link-only videos,
 *                    later "spotify"
 * @param uri         file:///... for local files, spotify:track:... for Spotify, https://www.youtube.com/watch?v=...
 * @param language    ISO 639-1 code, "instrumental", or null when unknown
 * @param attribution who made it and under what licence, shown on the screen where required
 */
public record Track(long id, String source, String uri, String title, String artist, String album, Integer year,
                    String language, double durationSeconds, boolean hasArtwork, String attribution,
                    Features features) {
    /** Songs found on YouTube: the box has no rights to play them, only to hand their link to a phone. */
    public static final String SOURCE_YOUTUBE = "youtube";

    /** Whether the box can only show this song's link (a QR code), not play it. */
    public boolean linkOnly() {
        return SOURCE_YOUTUBE.equals(source);
    }
}
