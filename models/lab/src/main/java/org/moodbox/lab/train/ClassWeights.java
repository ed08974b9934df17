package org.moodbox.lab.train;

import java.util.function.IntUnaryOperator;
import org.moodbox.models.fer.FerSet;

/**
 * Loss weights that make rare classes count (disgust: 436 of 28,709 FER-2013 rows): class c weighs
 * (mean count / count of c) ^ power, normalised so the rows' average weight is 1. Shared by the DCNN's and the
 * face-pretrained network's trainers, each with its own notion of a row's class.
 */
public final class ClassWeights {
    private ClassWeights() {
    }

    /** @param truth the class each row counts as (its FER label, or its FER+ majority in a run on the votes) */
    public static float[] of(int[] rows, IntUnaryOperator truth, float power) {
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
}
