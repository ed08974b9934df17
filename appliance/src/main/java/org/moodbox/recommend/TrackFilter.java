package org.moodbox.recommend;

import java.util.Locale;
import org.moodbox.catalog.Track;

/**
 * The listener's standing wishes: only this language, only this artist (null = any). Matching ignores case;
 * language is the catalog's code ("en", "instrumental").
 */
public record TrackFilter(String language, String artist) {
    public static final TrackFilter ANY = new TrackFilter(null, null);

    public TrackFilter {
        language = blankToNull(language);
        artist = blankToNull(artist);
    }

    public boolean accepts(Track track) {
        if (language != null && (track.language() == null || !track.language().equalsIgnoreCase(language))) {
            return false;
        }
        return artist == null || (track.artist() != null && track.artist().equalsIgnoreCase(artist));
    }

    public boolean namesAnArtist() {
        return artist != null;
    }

    @Override
    public String toString() {
        return (language == null ? "any language" : "language " + language.toLowerCase(Locale.ROOT))
                + ", " + (artist == null ? "any artist" : "artist " + artist);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
