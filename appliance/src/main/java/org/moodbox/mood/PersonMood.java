package org.moodbox.mood;

import org.moodbox.model.Emotion;

/**
 * One person's smoothed expression: the running average of their readings and the label shown for them, which
 * changes only when a new emotion clearly leads for several readings in a row (hysteresis, so the screen does not
 * flicker). Kept per track, so the average is always of one person's face, never a blend of whoever was largest.
 */
final class PersonMood {
    private final MoodTrackerSettings settings;
    private final double[] smoothed = new double[Emotion.values().length];
    private Emotion label = Emotion.NEUTRAL;
    private Emotion challenger;
    private int challengerFrames;
    private boolean hasHistory;

    PersonMood(MoodTrackerSettings settings) {
        this.settings = settings;
    }

    /** One reading of this person's face. */
    void observe(float[] probabilities) {
        double a = hasHistory ? settings.smoothing() : 1.0;
        for (int i = 0; i < smoothed.length; i++) {
            smoothed[i] = (1 - a) * smoothed[i] + a * probabilities[i];
        }
        if (!hasHistory) {
            label = leader();
            challenger = null;
            hasHistory = true;
            return;
        }
        updateLabel();
    }

    Emotion label() {
        return label;
    }

    double probability(Emotion e) {
        return smoothed[e.ordinal()];
    }

    /** A new label must lead the current one by a margin for several readings in a row. */
    private void updateLabel() {
        Emotion leader = leader();
        if (leader == label || smoothed[leader.ordinal()] - smoothed[label.ordinal()] < settings.switchMargin()) {
            challenger = null;
            challengerFrames = 0;
            return;
        }
        challengerFrames = leader == challenger ? challengerFrames + 1 : 1;
        challenger = leader;
        if (challengerFrames >= settings.switchFrames()) {
            label = leader;
            challenger = null;
            challengerFrames = 0;
        }
    }

    private Emotion leader() {
        int best = 0;
        for (int i = 1; i < smoothed.length; i++) {
            if (smoothed[i] > smoothed[best]) {
                best = i;
            }
        }
        return Emotion.values()[best];
    }
}
