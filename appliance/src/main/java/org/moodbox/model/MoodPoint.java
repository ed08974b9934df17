package org.moodbox.model;


/**
 * The one table of mood words and their points on the perceived valence/arousal plane (0..1, the scale of
 * Warriner, Kuperman and Brysbaert 2013 rescaled, on which the emotion anchors live). The recommender aims at
 * these points, and the online sources search with these words and file what they find at these points, so
 * a word and its point are written once.
 *
 * <p>Emotions use their own anchors ({@link Emotion}). Calm is the norm's "calm" (V .74 A .08, shared music
 * README). The others are our placements, not norms: content (.80, .40) between happy and calm, pleasant
 * without asking for energy a sad listener does not have; energetic music at surprise's point (.81, .70);
 * chill at neutral's (.56, .31); dark at fear's (.20, .58).
 *
 * @param word   one everyday word, as people title songs and playlists with it
 * @param phrase a search phrase for video sites, where a word alone finds talk rather than music
 */
public enum MoodPoint {
    HAPPY(Emotion.HAPPY, "happy", "happy upbeat songs"),
    ENERGETIC(Emotion.SURPRISE.valence(), Emotion.SURPRISE.arousal(), "party", "energetic feel good songs"),
    CONTENT(0.80, 0.40, "feel good", "feel good songs"),
    CALM(0.74, 0.08, "calm", "calm relaxing songs"),
    CHILL(Emotion.NEUTRAL.valence(), Emotion.NEUTRAL.arousal(), "chill", "chill songs"),
    SAD(Emotion.SAD, "sad", "sad songs"),
    ANGRY(Emotion.ANGRY, "angry", "angry intense songs"),
    DARK(Emotion.FEAR.valence(), Emotion.FEAR.arousal(), "dark", "dark moody songs");

    private final double valence;
    private final double arousal;
    private final String word;
    private final String phrase;

    MoodPoint(Emotion emotion, String word, String phrase) {
        this(emotion.valence(), emotion.arousal(), word, phrase);
    }

    MoodPoint(double valence, double arousal, String word, String phrase) {
        this.valence = valence;
        this.arousal = arousal;
        this.word = word;
        this.phrase = phrase;
    }

    public double valence() {
        return valence;
    }

    public double arousal() {
        return arousal;
    }

    public String word() {
        return word;
    }

    public String phrase() {
        return phrase;
    }

    /** Euclidean distance from this point to another on the perceived plane. */
    public double distanceTo(double otherValence, double otherArousal) {
        return Math.hypot(valence - otherValence, arousal - otherArousal);
    }

    /** The mood a search for this emotion's music names: the emotion itself where a word says it, else its neighbour. */
    public static MoodPoint searchedFor(Emotion emotion) {
        return switch (emotion) {
            case HAPPY -> HAPPY;
            case SAD -> SAD;
            case ANGRY -> ANGRY;
            case FEAR -> CALM;
            case SURPRISE -> ENERGETIC;
            case DISGUST -> DARK;
            case NEUTRAL -> CHILL;
        };
    }
}
