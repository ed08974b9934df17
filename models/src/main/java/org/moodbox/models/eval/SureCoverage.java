package org.moodbox.models.eval;

import java.util.Locale;

/**
 * Precision against coverage of a classifier's top probability: for each threshold, the share of faces whose top
 * probability reaches it (the box names their emotion; below it the mood tracker says "not sure") and how often
 * the named emotion is right. Measured on the classifier as it runs, so the threshold is chosen on the
 * probabilities the tracker will see (flip-averaged ones included). The lab's calibration and the appliance's
 * {@code eval emotion} both count with it.
 */
public final class SureCoverage {
    public static final double[] THRESHOLDS = {0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9};
    private final long[] reached = new long[THRESHOLDS.length];
    private final long[] right = new long[THRESHOLDS.length];
    private long total;

    public void add(float confidence, boolean correct) {
        total++;
        for (int i = 0; i < THRESHOLDS.length; i++) {
            if (confidence >= THRESHOLDS[i]) {
                reached[i]++;
                right[i] += correct ? 1 : 0;
            }
        }
    }

    /** Share of faces whose top probability reaches {@code THRESHOLDS[i]}; NaN before any face. */
    public double coverage(int i) {
        return total == 0 ? Double.NaN : (double) reached[i] / total;
    }

    /** NaN when no face reaches the threshold. */
    public double precision(int i) {
        return reached[i] == 0 ? Double.NaN : (double) right[i] / reached[i];
    }

    /** The table as {@code eval emotion} prints it. */
    public String table() {
        StringBuilder b = new StringBuilder("threshold  coverage  precision   (top probability, \"not sure\" below)\n");
        for (int i = 0; i < THRESHOLDS.length; i++) {
            b.append(String.format(Locale.ROOT, "%9.2f  %8.3f  %9.3f%n", THRESHOLDS[i], coverage(i), precision(i)));
        }
        return b.toString();
    }

    /** The same as a Markdown table (model cards); a threshold no face reaches shows precision 0. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| threshold | coverage | precision |\n|---|---|---|\n");
        for (int i = 0; i < THRESHOLDS.length; i++) {
            double precision = precision(i);
            out.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f |%n", THRESHOLDS[i], coverage(i),
                    Double.isNaN(precision) ? 0 : precision));
        }
        return out.toString();
    }
}
