package org.moodbox.catalog;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

import java.util.List;

/**
 * Everything a source (library scan, feature-table import) knows about one track, as written to the catalog.
 * Richer than {@link Track}, which is what the rest of the appliance reads.
 *
 * @param genres         free-form genre names, possibly empty
 * @param fileStamp      size and mtime of a local file, null for anything else
 * @param features       null when nothing could be measured or imported
 * @param mode           1 major, 0 minor, null unknown
 * @param artwork        embedded album art, null when none
 * @param languageSource how {@code language} was found ({@link LanguageGuess.Source} names, lower case), null
 *                       when the language is unknown
 */
public record CatalogEntry(SourceKind source, String uri, String title, String artist, String album, Integer year,
                           String language, List<String> genres, double durationSeconds, boolean explicit,
                           String attribution, FileStamp fileStamp, Features features, Integer mode,
                           Artwork artwork, String languageSource) {
    public CatalogEntry {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("a catalog entry needs a uri");
        }
        if (source == null) {
            throw new IllegalArgumentException("a catalog entry needs a source (" + uri + ")");
        }
        genres = genres == null ? List.of() : List.copyOf(genres);
        if (language == null) {
            languageSource = null;
        }
    }

    /** A language the source states itself (a tag, a column, an API field). */
    public CatalogEntry(SourceKind source, String uri, String title, String artist, String album, Integer year,
                        String language, List<String> genres, double durationSeconds, boolean explicit,
                        String attribution, FileStamp fileStamp, Features features, Integer mode, Artwork artwork) {
        this(source, uri, title, artist, album, year, language, genres, durationSeconds, explicit, attribution,
                fileStamp, features, mode, artwork, language == null ? null : LanguageGuess.Source.TAG.key());
    }
}
