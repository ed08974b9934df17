package org.moodbox.lab.train;

import org.moodbox.models.eval.TopClass;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.moodbox.lab.data.Preprocessing;
import org.moodbox.models.fer.FerPlusTestSets;
import org.moodbox.models.fer.FerSet;

/** Runs the network in inference mode (batch norm on running statistics, no dropout) over a labelled set. */
public final class Validation {
    private static final int BATCH = 256;

    private Validation() {
    }

    /**
     * Accuracy against the FER labels and, where the set has votes, against the FER+ plurality majority and the
     * standard FER+ rule (contempt faces count as misses); NaN without votes.
     */
    public record Result(double ferAccuracy, double ferPlusAccuracy, double standardFerPlusAccuracy, int[][] confusion) {
    }

    /** Softmax probabilities [count][classes] for rows 0..count-1 of the set. */
    public static float[][] probabilities(Block block, NDManager parent, FerSet set, int count) {
        int side = set.rows();
        int size = side * set.cols();
        float[][] out = new float[count][];
        for (int start = 0; start < count; start += BATCH) {
            int n = Math.min(BATCH, count - start);
            float[] x = new float[n * size];
            for (int i = 0; i < n; i++) {
                Preprocessing.plain(set.pixels(), (start + i) * size, size, x, i * size);
            }
            float[][] rows = Inference.softmaxRows(block, parent, m -> m.create(x, new Shape(n, 1, side, set.cols())));
            System.arraycopy(rows, 0, out, start, n);
        }
        return out;
    }

    public static Result run(Block block, NDManager parent, FerSet set, int limit) {
        int count = limit > 0 ? Math.min(limit, set.count()) : set.count();
        float[][] p = probabilities(block, parent, set, count);
        int[][] confusion = new int[FerSet.CLASSES][FerSet.CLASSES];
        int correct = 0;
        int plusCorrect = 0;
        int plusCounted = 0;
        int standardCorrect = 0;
        int standardCounted = 0;
        for (int i = 0; i < count; i++) {
            int predicted = TopClass.of(p[i]);
            confusion[set.label(i)][predicted]++;
            if (predicted == set.label(i)) {
                correct++;
            }
            if (set.hasFerPlus()) {
                int majority = set.ferPlusMajority(i);
                if (majority >= 0) {
                    plusCounted++;
                    if (predicted == majority) {
                        plusCorrect++;
                    }
                }
                int standard = set.ferPlusStandard(i);
                if (standard != FerPlusTestSets.LEFT_OUT) {
                    standardCounted++;
                    if (predicted == standard) { // a contempt face (CONTEMPT, negative) is never right
                        standardCorrect++;
                    }
                }
            }
        }
        return new Result((double) correct / count, plusCounted == 0 ? Double.NaN : (double) plusCorrect / plusCounted,
                standardCounted == 0 ? Double.NaN : (double) standardCorrect / standardCounted, confusion);
    }

}
