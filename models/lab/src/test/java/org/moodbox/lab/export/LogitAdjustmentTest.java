package org.moodbox.lab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.moodbox.models.fer.FerSet;

/** The adjustment's arithmetic and the views' scoring, on votes and answers made by hand. */
class LogitAdjustmentTest {
    // Microsoft's columns: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF
    private static final int[][] VOTES = {
            {0, 0, 0, 8, 2, 0, 0, 0, 0, 0}, // sad, clear (8 of 10)
            {5, 0, 0, 5, 0, 0, 0, 0, 0, 0}, // a tie of sad and neutral: standard leaves it out (not above half)
            {2, 0, 0, 0, 6, 0, 0, 0, 2, 0}, // angry, subtle (6 > 2 neutral); standard: 6 of 10 > half
            {0, 0, 0, 0, 0, 0, 0, 9, 1, 0}, // contempt: kept by the standard rule, a miss whatever the answer
            {9, 1, 0, 0, 0, 0, 0, 0, 0, 0}, // neutral
    };
    private static final int SAD = 4;
    private static final int ANGRY = 0;
    private static final int NEUTRAL = 6;

    @Test
    void tauZeroAtTemperatureOneChangesNothingAndTauMovesTowardRareClasses() {
        float[][] p = {{0.1f, 0.05f, 0.05f, 0.1f, 0.3f, 0.05f, 0.35f}};
        double[] priors = {0.09, 0.01, 0.02, 0.28, 0.12, 0.11, 0.37};
        float[][] same = org.moodbox.lab.facenet.TemperatureScaling.apply(p, 1, LogitAdjustment.offsets(priors, 0));
        for (int c = 0; c < 7; c++) {
            assertThat(same[0][c]).isCloseTo(p[0][c], within(1e-6f));
        }
        float[][] adjusted = org.moodbox.lab.facenet.TemperatureScaling.apply(p, 1, LogitAdjustment.offsets(priors, 1));
        assertThat(adjusted[0][SAD]).as("sad (12%% of rows) overtakes neutral (37%%) at tau 1")
                .isGreaterThan(adjusted[0][NEUTRAL]);
        // p' is proportional to p / prior at tau 1
        assertThat((double) adjusted[0][SAD] / adjusted[0][NEUTRAL]).isCloseTo((0.3 / 0.12) / (0.35 / 0.37), within(1e-4));
    }

    @Test
    void viewsCountContemptAsAMissAndSayWhatWasReadAsNeutral() {
        FerSet set = set();
        // answers: sad->neutral, tie->sad, angry->angry, contempt->neutral, neutral->neutral
        float[][] p = {one(NEUTRAL), one(SAD), one(ANGRY), one(NEUTRAL), one(NEUTRAL)};
        ViewScores standard = ViewScores.of(p, set, set::ferPlusStandard);
        assertThat(standard.faces()).isEqualTo(4);
        assertThat(standard.accuracy()).as("angry and neutral right; sad and contempt wrong").isEqualTo(0.5);
        assertThat(standard.readAsNeutral()[SAD]).isEqualTo(1);
        ViewScores clear = ViewScores.of(p, set, set::ferPlusClear);
        assertThat(clear.faces()).isEqualTo(1);
        assertThat(clear.recall()[SAD]).isZero();
        ViewScores subtle = ViewScores.of(p, set, set::ferPlusSubtle);
        assertThat(subtle.faces()).isEqualTo(1);
        assertThat(subtle.recall()[ANGRY]).isEqualTo(1.0);
        assertThat(LogitAdjustment.priors(set, new int[] {0, 2, 4})[SAD]).isCloseTo(1 / 3.0, within(1e-9));
    }

    private static float[] one(int c) {
        float[] p = new float[7];
        java.util.Arrays.fill(p, 0.01f);
        p[c] = 0.94f;
        return p;
    }

    private static FerSet set() {
        int n = VOTES.length;
        byte[] votes = new byte[n * 10];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 10; c++) {
                votes[r * 10 + c] = (byte) VOTES[r][c];
            }
        }
        return new FerSet("hand", n, 48, 48, new byte[n * 48 * 48], new byte[n], votes);
    }
}
