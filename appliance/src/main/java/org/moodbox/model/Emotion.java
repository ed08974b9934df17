package org.moodbox.model;

import java.util.Locale;

/**
 * The seven FER-2013 classes, in the order every FER-2013 model outputs them.
 *
 * <p>Each class has an anchor on Russell's circumplex of affect (Russell 1980, "A circumplex model of
 * affect"): valence (unpleasant 0 .. pleasant 1) and arousal (calm 0 .. excited 1). The numbers are the
 * affective word norms of Warriner, Kuperman and Brysbaert (2013, "Norms of valence, arousal, and dominance
 * for 13,915 English lemmas", 1..9 scales rescaled to 0..1) for the words happy, sad, angry, afraid/fear,
 * surprise, disgust and neutral, as listed in shared/data/music/README.md. Fear's listed range (V .16-.24,
 * A .51-.64, "afraid" vs "fear") is taken at its middle. Word norms are ratings of the emotion words, not of
 * faces; they are used because they are published, per class and on the same scales as the music features
 * the recommender aims with. {@code vision.EmotionReading} turns seven probabilities into one point with them.
 */
public enum Emotion {
    ANGRY(0.19, 0.65),
    DISGUST(0.29, 0.50),
    FEAR(0.20, 0.58),
    HAPPY(0.93, 0.63),
    SAD(0.14, 0.31),
    SURPRISE(0.81, 0.70),
    NEUTRAL(0.56, 0.31);

    private final double valence;
    private final double arousal;

    Emotion(double valence, double arousal) {
        this.valence = valence;
        this.arousal = arousal;
    }

    public double valence() {
        return valence;
    }

    public double arousal() {
        return arousal;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label such as "happy" or "HAPPY"; a clear error names the valid ones. */
    public static Emotion parse(String label) {
        for (Emotion e : values()) {
            if (e.label().equalsIgnoreCase(label.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown emotion '" + label
                + "': expected one of angry, disgust, fear, happy, sad, surprise, neutral");
    }
}
