package org.moodbox.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodbox.lab.data.TrainingRows;
import org.moodbox.models.fer.FerSet;

/**
 * A run on the FER+ votes follows the majority vote everywhere: which rows train, the class weights, the
 * class a row counts as, and which epoch is best. A run on the FER labels keeps the FER label throughout.
 */
class FerPlusRunTest {
    private static final int PX = 48 * 48;
    // FER+ columns: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, not-a-face
    private static final byte[][] VOTES = {
            {0, 8, 2, 0, 0, 0, 0, 0, 0, 0}, // row 0: FER says angry, the votes say happy
            {0, 0, 0, 0, 6, 4, 0, 0, 0, 0}, // row 1: angry (with disgust votes)
            {0, 0, 0, 0, 0, 0, 0, 0, 7, 3}, // row 2: mostly unknown -> dropped
            {2, 0, 0, 0, 0, 0, 0, 6, 2, 0}, // row 3: mostly contempt -> dropped
            {0, 9, 0, 0, 0, 0, 0, 0, 1, 0}, // row 4: happy
            {0, 10, 0, 0, 0, 0, 0, 0, 0, 0}, // row 5: happy
    };
    private static final byte[] FER_LABELS = {0, 0, 0, 6, 3, 3};

    @Test
    void rowsWhoseMajorityIsNotOneOfTheSevenClassesAreLeftOut() {
        FerSet train = set();
        TrainingRows kept = TrainingRows.select(train, List.of());
        assertThat(kept.rows()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(kept.withFerPlusMajority(train)).containsExactly(0, 1, 4, 5);
    }

    @Test
    void aVoteRunCountsEachRowAsItsMajorityAndWeighsClassesByIt() throws Exception {
        FerSet train = set();
        int[] rows = {0, 1, 4, 5};
        Targets votes = new Targets(train, rows, options(1f));
        Targets labels = new Targets(train, rows, options(0f));

        assertThat(votes.truth(0)).isEqualTo(3); // happy by the votes
        assertThat(labels.truth(0)).isEqualTo(0); // angry by the FER label

        // majority classes: happy x3, angry x1 -> power 1 weighs angry three times happy
        float[] w = votes.classWeights();
        assertThat(w[0] / w[3]).isCloseTo(3f, within(1e-5f));
        assertThat(w[0] + 3 * w[3]).as("the rows' average weight is 1").isCloseTo(4f, within(1e-5f));
        // FER labels: angry x2, happy x2 -> equal
        float[] fw = labels.classWeights();
        assertThat(fw[0]).isCloseTo(fw[3], within(1e-6f));
    }

    @Test
    void aVoteRunsTargetIsTheVoteShareOverTheSevenClasses() throws Exception {
        FerSet train = set();
        Targets votes = new Targets(train, new int[] {0, 1, 4, 5}, options(1f));
        float[] t = new float[7];
        votes.write(1, t, 0);
        float[] w = votes.classWeights();
        assertThat(t[0] / w[0]).isCloseTo(0.6f, within(1e-6f)); // angry 6 of 10
        // disgust has 4 of 10 votes, but no kept row's majority is disgust, so its class weight (and target) is 0
        assertThat(w[1]).isZero();
        assertThat(t[1]).isZero();
        assertThat(t[3]).isZero();
    }

    @Test
    void aVoteRunKeepsTheEpochWithTheBestFerPlusAccuracy() {
        RunState votes = RunState.fresh(options(1f))
                .after(new EpochResult(1, 1.0, 0.5, 0.60, 0.70, 0.01, 1), 10)
                .after(new EpochResult(2, 0.9, 0.5, 0.65, 0.68, 0.01, 1), 20);
        assertThat(votes.bestEpoch()).isEqualTo(1);
        assertThat(votes.bestValidationAccuracy()).isEqualTo(0.70);

        RunState labels = RunState.fresh(options(0f))
                .after(new EpochResult(1, 1.0, 0.5, 0.60, 0.70, 0.01, 1), 10)
                .after(new EpochResult(2, 0.9, 0.5, 0.65, 0.68, 0.01, 1), 20);
        assertThat(labels.bestEpoch()).isEqualTo(2);
        assertThat(labels.bestValidationAccuracy()).isEqualTo(0.65);
    }

    private static TrainOptions options(float ferPlusWeight) {
        return new TrainOptions("8/16", 0.2f, 2, 32, 0.05f, 0.001f, 0.5f, 0.9f, 5e-4f, 0f, 1f, ferPlusWeight, 9L,
                0, 0);
    }

    static FerSet set() {
        int n = VOTES.length;
        byte[] pixels = new byte[n * PX];
        byte[] votes = new byte[n * VOTES[0].length];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < PX; i++) {
                pixels[r * PX + i] = (byte) (i * (r + 1) + r + 1); // distinct, non-blank faces
            }
            System.arraycopy(VOTES[r], 0, votes, r * VOTES[r].length, VOTES[r].length);
        }
        return new FerSet("train", n, 48, 48, pixels, FER_LABELS.clone(), votes);
    }
}
