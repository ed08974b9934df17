package org.moodbox.vision;

import org.moodbox.model.Emotion;

/** Seven probabilities in {@link Emotion} order and the valence/arousal point they imply. */
public record EmotionReading(float[] probabilities) {
    public EmotionReading {
        if (probabilities.length != Emotion.values().length) {
            throw new IllegalArgumentException("seven probabilities expected, got " + probabilities.length);
        }
    }

    public Emotion top() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return Emotion.values()[best];
    }

    public float confidence() {
        return probabilities[top().ordinal()];
    }

    /**
     * Valence 0..1: the expected valence under the classifier's distribution, sum of p(e) x valence(e) over
     * the seven classes with the anchors of {@link Emotion} (Warriner et al. 2013 on Russell's circumplex).
     * A sure "happy" gives .93; an unsure face lands between its candidates rather than jumping to one, which
     * is what a music target should do. Arousal is the same with the arousal anchors.
     */
    public double valence() {
        double v = 0;
        for (Emotion e : Emotion.values()) {
            v += probabilities[e.ordinal()] * e.valence();
        }
        return v;
    }

    public double arousal() {
        double a = 0;
        for (Emotion e : Emotion.values()) {
            a += probabilities[e.ordinal()] * e.arousal();
        }
        return a;
    }
}
