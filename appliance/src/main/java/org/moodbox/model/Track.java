package org.moodbox.model;

/**
 * One playable (or linkable) song as the catalog knows it.
 *
 * @param source      where it came from (library file, imported table, Spotify or YouTube search)
 * @param uri         file:///... for local files, spotify:track:... for Spotify, https://www.youtube.com/watch?v=...
 * @param language    ISO 639-1 code, "instrumental", or null when unknown
 * @param attribution who made it and under what licence, shown on the screen where required
 */
public record Track(long id, SourceKind source, String uri, String title, String artist, String album, Integer year,
                    String language, double durationSeconds, boolean hasArtwork, String attribution,
                    Features features) {
    public Track {
        java.util.Objects.requireNonNull(source, "a track needs its source");
    }

    /** Whether the box can only show this song's link (a QR code), not play it. */
    public boolean linkOnly() {
        return source.linkOnly();
    }

    /** Whether Spotify plays this song (its uri is a Spotify address), not the box's own player. */
    public boolean playsOnSpotify() {
        return SpotifyUri.isSpotify(uri);
    }
}
