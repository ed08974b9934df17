package org.moodbox.vision;

import java.util.Locale;

/**
 * The seven FER-2013 classes, in the order every FER-2013 model outputs them.
 *
 * <p>Valence and arousal anchors (0..1) are word norms of Warriner, Kuperman and Brysbaert (2013)
 * placed on Russell's circumplex, as listed in shared/data/music/README.md; fear takes the middle
 * of its listed range. They turn a probability vector into a point the recommender can aim at.
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
