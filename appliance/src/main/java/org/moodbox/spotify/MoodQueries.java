package org.moodbox.spotify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moodbox.model.Emotion;

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

    private static final Map<Emotion, String> ENGLISH = Map.of(
            Emotion.HAPPY, "happy", Emotion.SAD, "sad", Emotion.ANGRY, "angry", Emotion.FEAR, "calm",
            Emotion.SURPRISE, "party", Emotion.DISGUST, "chill", Emotion.NEUTRAL, "relax");
    private static final Map<String, Map<Emotion, String>> WORDS = Map.of(
            "de", Map.of(Emotion.HAPPY, "fröhlich", Emotion.SAD, "traurig", Emotion.ANGRY, "wütend",
                    Emotion.FEAR, "ruhig", Emotion.SURPRISE, "party", Emotion.DISGUST, "entspannt",
                    Emotion.NEUTRAL, "entspannung"),
            "fr", Map.of(Emotion.HAPPY, "joyeux", Emotion.SAD, "triste", Emotion.ANGRY, "colère",
                    Emotion.FEAR, "calme", Emotion.SURPRISE, "fête", Emotion.DISGUST, "détente",
                    Emotion.NEUTRAL, "détente"),
            "es", Map.of(Emotion.HAPPY, "feliz", Emotion.SAD, "triste", Emotion.ANGRY, "rabia",
                    Emotion.FEAR, "calma", Emotion.SURPRISE, "fiesta", Emotion.DISGUST, "relajante",
                    Emotion.NEUTRAL, "relajante"),
            "it", Map.of(Emotion.HAPPY, "felice", Emotion.SAD, "triste", Emotion.ANGRY, "rabbia",
                    Emotion.FEAR, "calma", Emotion.SURPRISE, "festa", Emotion.DISGUST, "rilassante",
                    Emotion.NEUTRAL, "rilassante"),
            "pt", Map.of(Emotion.HAPPY, "feliz", Emotion.SAD, "triste", Emotion.ANGRY, "raiva",
                    Emotion.FEAR, "calma", Emotion.SURPRISE, "festa", Emotion.DISGUST, "relaxar",
                    Emotion.NEUTRAL, "relaxar"));

    private MoodQueries() {
    }

    /**
     * What music found by this emotion's word sounds like, on the catalog's 0..1 valence and energy scales:
     * the emotion's own anchor where the word is the emotion (happy, sad, angry), else the mood the word
     * names (fear searches "calm": calm music, V .74 E .08 as the recommender's calm anchor).
     */
    static org.moodbox.model.Features estimate(Emotion emotion) {
        double[] ve = switch (emotion) {
            case HAPPY, SAD -> new double[] {emotion.valence(), emotion.arousal()};
            case ANGRY -> new double[] {0.19, 0.85};
            case FEAR -> new double[] {0.74, 0.08};
            case SURPRISE -> new double[] {0.81, 0.85};
            case DISGUST -> new double[] {0.70, 0.30};
            case NEUTRAL -> new double[] {0.60, 0.20};
        };
        return new org.moodbox.model.Features(ve[0], ve[1], null, "estimated");
    }

    /** The emotion a playlist's name speaks of (any known language), or null. */
    static Emotion emotionOfName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (Emotion e : Emotion.values()) {
            if (n.contains(ENGLISH.get(e))) {
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
            return ENGLISH.get(emotion);
        }
        Map<Emotion, String> words = WORDS.get(language);
        if (words != null) {
            return words.get(emotion);
        }
        return ENGLISH.get(emotion) + " " + Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH)
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
