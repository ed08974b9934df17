package org.moodbox.youtube;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.model.Emotion;

/**
 * The searches that would serve a mood, mood words x languages x favourite artists, most useful first:
 * the mood's own words before its goal's, plain words before each artist. The caller takes the first that
 * is not cached, so one search at a time covers the most likely cards first and nothing is asked twice
 * while its answer is fresh.
 */
final class MoodQueries {
    /** Favourite artists searched per mood word: each costs a search, and the quota is 100 searches a day. */
    static final int MAX_ARTISTS = 5;

    private MoodQueries() {
    }

    static List<SearchQuery> forMood(Emotion emotion, TrackFilter filter) {
        List<String> languages = new ArrayList<>(new TreeSet<>(filter.languages()));
        if (languages.isEmpty()) {
            languages.add(null);
        }
        List<String> artists = new ArrayList<>();
        artists.add(null);
        // TrackFilter keeps names lower-cased; YouTube's search ignores case.
        new TreeSet<>(filter.favouriteArtists()).stream().limit(MAX_ARTISTS).forEach(artists::add);
        List<SearchQuery> queries = new ArrayList<>();
        for (MoodWord word : MoodWord.forEmotion(emotion)) {
            for (String artist : artists) {
                for (String language : languages) {
                    queries.add(new SearchQuery(word, artist, language));
                }
            }
        }
        return queries;
    }
}
