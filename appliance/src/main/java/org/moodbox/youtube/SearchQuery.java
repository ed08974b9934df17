package org.moodbox.youtube;

import java.util.Locale;

/**
 * One search the box may make: mood words, optionally a favourite artist, optionally a language.
 *
 * @param language ISO 639-1, sent as {@code relevanceLanguage} (a preference, not a filter, on YouTube's
 *                 side); the videos found are filed under it. Null: any language.
 * @param artist   a favourite artist named in the query, or null
 */
public record SearchQuery(MoodWord mood, String artist, String language) {
    /** What is typed into YouTube's search box. */
    public String text() {
        return artist == null ? mood.words : artist + " " + mood.words;
    }

    /** The cache key: the same words and language are the same search. */
    public String key() {
        return text().toLowerCase(Locale.ROOT) + "|" + (language == null ? "" : language);
    }
}
