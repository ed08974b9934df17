package org.moodbox.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision against coverage of a classifier's top probability: for each threshold, the share of faces whose top
 * probability reaches it (the box names their emotion; below it the mood tracker says "not sure") and how often
 * the named emotion is right. Measured on the classifier as it runs, so the threshold is chosen on the
 * probabilities the tracker will see (flip-averaged ones included).
 */
final class SureCoverage {
    static final double[] THRESHOLDS = {0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9};
    private final long[] reached = new long[THRESHOLDS.length];
    private final long[] right = new long[THRESHOLDS.length];
    private long total;

    void add(float confidence, boolean correct) {
        total++;
        for (int i = 0; i < THRESHOLDS.length; i++) {
            if (confidence >= THRESHOLDS[i]) {
                reached[i]++;
                right[i] += correct ? 1 : 0;
            }
        }
    }

    double coverage(int i) {
        return total == 0 ? Double.NaN : (double) reached[i] / total;
    }

    /** NaN when no face reaches the threshold. */
    double precision(int i) {
        return reached[i] == 0 ? Double.NaN : (double) right[i] / reached[i];
    }

    String table() {
        StringBuilder b = new StringBuilder("threshold  coverage  precision   (top probability, \"not sure\" below)\n");
        for (int i = 0; i < THRESHOLDS.length; i++) {
            b.append(String.format(Locale.ROOT, "%9.2f  %8.3f  %9.3f%n", THRESHOLDS[i], coverage(i), precision(i)));
        }
        return b.toString();
    }

    List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < THRESHOLDS.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", THRESHOLDS[i]);
            row.put("coverage", EmotionScores.round(coverage(i)));
            row.put("precision", EmotionScores.round(precision(i)));
            rows.add(row);
        }
        return rows;
    }
}
