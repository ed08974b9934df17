package org.moodbox.models.eval;

/** The class a classifier picks: the index of its largest score, the first one on a tie. */
public final class TopClass {
    private TopClass() {
    }

    public static int of(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
