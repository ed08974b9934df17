package org.moodbox.catalog;

import java.util.List;

/** The owner's language per artist: what the admin page reads and sets ({@link Catalog} keeps them). */
public interface ArtistLanguages {
    /** Artists whose name contains the query (any case; blank = all), most tracks first. */
    List<ArtistLanguage> artistLanguages(String query, int limit);

    /**
     * Sets (or with null forgets) the language of every track by the artist; returns the name as spelled in
     * the catalog. IllegalArgumentException for an unknown code or an artist without tracks.
     */
    String setArtistLanguage(String artist, String language);
}
