package org.moodbox.catalog;

/**
 * One playable (or linkable) song as the catalog knows it.
 *
 * @param source      "local" for library files, "import" for feature tables, later "spotify"
 * @param uri         file:///... for local files, spotify:track:... for Spotify
 * @param language    ISO 639-1 code, "instrumental", or null when unknown
 * @param attribution who made it and under what licence, shown on the screen where required
 */
public record Track(long id, String source, String uri, String title, String artist, String album, Integer year,
                    String language, double durationSeconds, boolean hasArtwork, String attribution,
                    Features features) {
}
