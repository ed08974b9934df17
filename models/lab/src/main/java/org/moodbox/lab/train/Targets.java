package org.moodbox.lab.train;

import java.util.function.IntUnaryOperator;
import org.moodbox.models.fer.FerSet;

/**
 * Builds each training row's target distribution: the FER label one-hot, optionally mixed with the FER+
 * vote shares, smoothed, then scaled per class so rare classes (disgust: 436 of 28,709) weigh more.
 */
final class Targets {
    private final FerSet train;
    private final float ferPlusWeight;
    private final float smoothing;
    private final float[] classWeights;
    private final IntUnaryOperator truth;

    Targets(FerSet train, int[] rows, TrainOptions options) {
        if (options.ferPlusWeight() > 0 && !train.hasFerPlus()) {
            throw new IllegalArgumentException("FER+ soft labels asked for, but the data has no FER+ vote files");
        }
        this.train = train;
        this.ferPlusWeight = options.ferPlusWeight();
        this.smoothing = options.labelSmoothing();
        this.truth = options.judgedByFerPlus() ? train::ferPlusMajority : train::label;
        this.classWeights = classWeights(rows, truth, options.classWeightPower());
    }

    /** The class row {@code r} counts as: its FER+ majority in a run on the votes, else its FER label. */
    int truth(int r) {
        return truth.applyAsInt(r);
    }

    /** (mean count / count of c) ^ power over the FER labels, normalised so the rows' average weight is 1. */
    static float[] classWeights(FerSet train, int[] rows, float power) {
        return classWeights(rows, train::label, power);
    }

    /** (mean count / count of c) ^ power, c the rows' true classes, normalised to an average weight of 1. */
    static float[] classWeights(int[] rows, IntUnaryOperator truth, float power) {
        int k = FerSet.CLASSES;
        long[] counts = new long[k];
        for (int r : rows) {
            counts[truth.applyAsInt(r)]++;
        }
        double mean = (double) rows.length / k;
        double[] w = new double[k];
        double weightedSum = 0;
        for (int c = 0; c < k; c++) {
            w[c] = counts[c] == 0 ? 0 : Math.pow(mean / counts[c], power);
            weightedSum += w[c] * counts[c];
        }
        float[] out = new float[k];
        for (int c = 0; c < k; c++) {
            out[c] = (float) (w[c] * rows.length / weightedSum);
        }
        return out;
    }

    float[] classWeights() {
        return classWeights.clone();
    }

    /** Writes row {@code r}'s weighted target into {@code out} at {@code offset} (seven values). */
    void write(int r, float[] out, int offset) {
        int k = FerSet.CLASSES;
        float[] soft = ferPlusWeight > 0 ? train.ferPlusDistribution(r) : null;
        int label = train.label(r);
        for (int c = 0; c < k; c++) {
            float hard = c == label ? 1f : 0f;
            float t = soft == null ? hard : (1 - ferPlusWeight) * hard + ferPlusWeight * soft[c];
            t = (1 - smoothing) * t + smoothing / k;
            out[offset + c] = t * classWeights[c];
        }
    }
}
