package org.moodbox.lab.facenet;

import org.moodbox.models.eval.SureCoverage;
import org.moodbox.models.eval.TopClass;
import org.moodbox.models.fer.FerSet;

/**
 * Temperature scaling (Guo et al. 2017): one T dividing the logits, fitted by minimising the negative
 * log-likelihood of the FER+ majority labels on a held-out split; expected calibration error (15 equal-width
 * bins of the top probability) before and after. The argmax never changes.
 */
public final class TemperatureScaling {
    private static final int BINS = 15;

    private TemperatureScaling() {
    }

    /** The probabilities as the network would give them with its logits divided by {@code t}. */
    public static float[][] apply(float[][] p, double t) {
        return apply(p, t, null);
    }

    /**
     * The same with a per-class offset added to the divided logits ({@code softmax(ln p / t + offsets)}): what a
     * file folded by {@code TemperatureFold} with that t and those offsets gives. Null offsets: none.
     */
    public static float[][] apply(float[][] p, double t, double[] offsets) {
        float[][] out = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            double[] z = new double[p[i].length];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < z.length; c++) {
                z[c] = Math.log(Math.max(p[i][c], 1e-12)) / t + (offsets == null ? 0 : offsets[c]);
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < z.length; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            out[i] = new float[z.length];
            for (int c = 0; c < z.length; c++) {
                out[i][c] = (float) (z[c] / sum);
            }
        }
        return out;
    }

    /** The T in [0.3, 5] with the smallest negative log-likelihood of the majority labels (golden-section search). */
    public static double fit(float[][] p, FerSet set) {
        double lo = 0.3;
        double hi = 5;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 60; it++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (nll(apply(p, a), set) < nll(apply(p, b), set)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return (lo + hi) / 2;
    }

    static double nll(float[][] p, FerSet set) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            int y = set.ferPlusMajority(i);
            if (y >= 0) {
                sum -= Math.log(Math.max(p[i][y], 1e-12));
                n++;
            }
        }
        return sum / n;
    }

    /** Expected calibration error of the top probability against the FER+ majority. */
    public static double ece(float[][] p, FerSet set) {
        double[] conf = new double[BINS];
        double[] acc = new double[BINS];
        int[] count = new int[BINS];
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            int y = set.ferPlusMajority(i);
            if (y < 0) {
                continue;
            }
            int top = TopClass.of(p[i]);
            int bin = Math.min(BINS - 1, (int) (p[i][top] * BINS));
            conf[bin] += p[i][top];
            acc[bin] += top == y ? 1 : 0;
            count[bin]++;
            n++;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(acc[b] - conf[b]) / n;
            }
        }
        return ece;
    }

    /**
     * Precision against coverage of the top probability on the FER+ majority, as a Markdown table: for each
     * threshold, the share of faces whose top probability reaches it and how often those are right. This is what
     * the mood tracker's "not sure" threshold is chosen from.
     */
    public static String coverageTable(float[][] p, FerSet set) {
        SureCoverage coverage = new SureCoverage();
        for (int i = 0; i < p.length; i++) {
            int y = set.ferPlusMajority(i);
            if (y >= 0) {
                int top = TopClass.of(p[i]);
                coverage.add(p[i][top], top == y);
            }
        }
        return coverage.markdown();
    }
}
