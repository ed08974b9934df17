package org.moodbox.recommend;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.moodbox.model.Track;

/**
 * The listener's standing wishes. Matching ignores case; languages are the catalog's codes ("en",
 * "instrumental").
 *
 * @param languages        only these languages; empty = any
 * @param artist           only this artist (the "--artist" of the command line); null = any
 * @param favouriteArtists boosted in the score, never exclusive: a favourite that does not fit the mood
 *                         still loses to a stranger that does
 * @param excludedArtists  never played, even when named in {@code artist}
 * @param allowExplicit    false = tracks the catalog marks explicit are never played
 */
public record TrackFilter(Set<String> languages, String artist, Set<String> favouriteArtists,
                          Set<String> excludedArtists, boolean allowExplicit) {
    public static final TrackFilter ANY = new TrackFilter(null, null);

    public TrackFilter {
        languages = normalised(languages);
        artist = blankToNull(artist);
        favouriteArtists = normalised(favouriteArtists);
        excludedArtists = normalised(excludedArtists);
    }

    /** One language (or null) and one artist (or null), as the command line gives them. */
    public TrackFilter(String language, String artist) {
        this(language == null ? Set.of() : Set.of(language), artist, Set.of(), Set.of(), true);
    }

    public TrackFilter withFavourites(Set<String> favourites) {
        return new TrackFilter(languages, artist, favourites, excludedArtists, allowExplicit);
    }

    public TrackFilter withExcluded(Set<String> excluded) {
        return new TrackFilter(languages, artist, favouriteArtists, excluded, allowExplicit);
    }

    public TrackFilter withExplicit(boolean allowed) {
        return new TrackFilter(languages, artist, favouriteArtists, excludedArtists, allowed);
    }

    /** Language and named artist: the part that decides which tracks form the pool the recommender indexes. */
    public boolean narrowsPool() {
        return !languages.isEmpty() || artist != null;
    }

    /** Language and named artist only; excluded artists and explicit are checked where the flags live. */
    public boolean inPool(Track track) {
        if (!languages.isEmpty() && (track.language() == null
                || !languages.contains(track.language().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        return artist == null || (track.artist() != null && track.artist().equalsIgnoreCase(artist));
    }

    /** Everything but explicit (which {@link Track} does not carry). */
    public boolean accepts(Track track) {
        return inPool(track) && !excludes(track.artist());
    }

    public boolean excludes(String artistName) {
        return artistName != null && excludedArtists.contains(artistName.toLowerCase(Locale.ROOT));
    }

    public boolean isFavourite(String artistName) {
        return artistName != null && favouriteArtists.contains(artistName.toLowerCase(Locale.ROOT));
    }

    public boolean namesAnArtist() {
        return artist != null;
    }

    @Override
    public String toString() {
        String s = (languages.isEmpty() ? "any language" : "language " + String.join("|", new TreeSet<>(languages)))
                + ", " + (artist == null ? "any artist" : "artist " + artist);
        if (!excludedArtists.isEmpty()) {
            s += ", not " + String.join("|", new TreeSet<>(excludedArtists));
        }
        return allowExplicit ? s : s + ", no explicit";
    }

    private static Set<String> normalised(Set<String> names) {
        if (names == null) {
            return Set.of();
        }
        return names.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> n.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
