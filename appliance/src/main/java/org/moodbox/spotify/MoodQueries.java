package org.moodbox.spotify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moodbox.model.Emotion;
import org.moodbox.model.MoodPoint;

/**
 * The searches that stand in for Spotify's withdrawn recommendations: mood words for each emotion, in each
 * of the owner's languages, alone and with each favourite artist. Words are the ones people put in song and
 * playlist titles; languages without a word list use the English word and the language's name ("happy
 * hindi"), which is how such playlists are usually titled.
 */
final class MoodQueries {
    /** At most this many favourite artists are asked about per emotion (dev-mode apps have small quotas). */
    static final int MAX_ARTISTS = 3;

    /** @param language ISO code the results are taken to be in, or null for "any" */
    record Query(Emotion emotion, String language, String artist, String text) {
        String key(String kind) {
            return kind + "|" + emotion.label() + "|" + (language == null ? "" : language) + "|"
                    + (artist == null ? "" : artist.toLowerCase(Locale.ROOT)) + "|" + text;
        }
    }

    /** Translations of the table's words ({@link MoodPoint#searchedFor}); English comes from the table. */
    private static final Map<String, Map<Emotion, String>> WORDS = Map.of(
            "de", Map.of(Emotion.HAPPY, "fröhlich", Emotion.SAD, "traurig", Emotion.ANGRY, "wütend",
                    Emotion.FEAR, "ruhig", Emotion.SURPRISE, "party", Emotion.DISGUST, "düster",
                    Emotion.NEUTRAL, "entspannt"),
            "fr", Map.of(Emotion.HAPPY, "joyeux", Emotion.SAD, "triste", Emotion.ANGRY, "colère",
                    Emotion.FEAR, "calme", Emotion.SURPRISE, "fête", Emotion.DISGUST, "sombre",
                    Emotion.NEUTRAL, "détente"),
            "es", Map.of(Emotion.HAPPY, "feliz", Emotion.SAD, "triste", Emotion.ANGRY, "rabia",
                    Emotion.FEAR, "calma", Emotion.SURPRISE, "fiesta", Emotion.DISGUST, "oscuro",
                    Emotion.NEUTRAL, "relajante"),
            "it", Map.of(Emotion.HAPPY, "felice", Emotion.SAD, "triste", Emotion.ANGRY, "rabbia",
                    Emotion.FEAR, "calma", Emotion.SURPRISE, "festa", Emotion.DISGUST, "cupo",
                    Emotion.NEUTRAL, "rilassante"),
            "pt", Map.of(Emotion.HAPPY, "feliz", Emotion.SAD, "triste", Emotion.ANGRY, "raiva",
                    Emotion.FEAR, "calma", Emotion.SURPRISE, "festa", Emotion.DISGUST, "sombrio",
                    Emotion.NEUTRAL, "relaxar"));

    private MoodQueries() {
    }

    /**
     * What music found by this emotion's word sounds like: the point of the word in the one table of moods
     * ({@link MoodPoint#searchedFor}: fear searches "calm", so calm music at calm's point).
     */
    static org.moodbox.model.Features estimate(Emotion emotion) {
        MoodPoint point = MoodPoint.searchedFor(emotion);
        return new org.moodbox.model.Features(point.valence(), point.arousal(), null, "estimated");
    }

    private static String english(Emotion emotion) {
        return MoodPoint.searchedFor(emotion).word();
    }

    /** The emotion a playlist's name speaks of (any known language), or null. */
    static Emotion emotionOfName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (Emotion e : Emotion.values()) {
            if (n.contains(english(e))) {
                return e;
            }
            for (Map<Emotion, String> words : WORDS.values()) {
                if (n.contains(words.get(e))) {
                    return e;
                }
            }
        }
        return null;
    }

    static String word(Emotion emotion, String language) {
        if (language == null || "en".equals(language)) {
            return english(emotion);
        }
        Map<Emotion, String> words = WORDS.get(language);
        if (words != null) {
            return words.get(emotion);
        }
        return english(emotion) + " " + Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH)
                .toLowerCase(Locale.ROOT);
    }

    /** Every query for the owner's languages (empty: any) and favourite artists, emotion by emotion. */
    static List<Query> all(List<String> languages, List<String> favouriteArtists) {
        List<String> langs = languages.isEmpty() ? java.util.Collections.singletonList(null) : languages;
        List<Query> out = new ArrayList<>();
        for (Emotion e : Emotion.values()) {
            for (String lang : langs) {
                out.add(new Query(e, lang, null, word(e, lang)));
            }
            for (String artist : favouriteArtists.subList(0, Math.min(MAX_ARTISTS, favouriteArtists.size()))) {
                String lang = langs.get(0);
                out.add(new Query(e, lang, artist, word(e, lang) + " artist:\"" + artist.replace("\"", "") + "\""));
            }
        }
        return out;
    }
}
