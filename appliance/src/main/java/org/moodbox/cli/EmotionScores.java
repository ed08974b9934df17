package org.moodbox.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.moodbox.model.Emotion;

/**
 * A confusion matrix over the seven FER-2013 classes (rows: true label, columns: predicted) and the figures
 * read from it: accuracy, recall per class, macro-F1 (the mean of the per-class F1, so rare disgust counts
 * as much as common happy).
 *
 * <p>Faces whose true class is none of the seven (FER+ contempt, kept by the standard FER+ test) are counted
 * apart: whatever the model says is wrong, so they sit in accuracy's denominator; in the matrix and macro-F1
 * they would be false negatives of a class outside the seven, which changes no FER class's precision or recall,
 * so they lower accuracy only.
 */
final class EmotionScores {
    private static final int K = Emotion.values().length;
    private final long[][] counts = new long[K][K];
    private long sevenClassTotal;
    private long outsideClasses;

    void add(int truth, int predicted) {
        counts[truth][predicted]++;
        sevenClassTotal++;
    }

    /** A face of a class outside the seven: a miss whatever the model said. */
    void addOutsideClasses() {
        outsideClasses++;
    }

    /** Every face scored, those outside the seven classes included. */
    long total() {
        return sevenClassTotal + outsideClasses;
    }

    long sevenClassTotal() {
        return sevenClassTotal;
    }

    long outsideClasses() {
        return outsideClasses;
    }

    /** Right answers over every face scored: faces outside the seven classes count as misses. */
    double accuracy() {
        return total() == 0 ? Double.NaN : (double) right() / total();
    }

    /** Right answers over the faces of the seven classes only. */
    double sevenClassAccuracy() {
        return sevenClassTotal == 0 ? Double.NaN : (double) right() / sevenClassTotal;
    }

    private long right() {
        long right = 0;
        for (int c = 0; c < K; c++) {
            right += counts[c][c];
        }
        return right;
    }

    /** Faces of class {@code truth}. */
    long count(int truth) {
        long row = 0;
        for (int p = 0; p < K; p++) {
            row += counts[truth][p];
        }
        return row;
    }

    /** Faces of class {@code truth} read as {@code predicted}. */
    long confused(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Share of class c's faces read as c; NaN when the set has none of c. */
    double recall(int c) {
        long row = count(c);
        return row == 0 ? Double.NaN : (double) counts[c][c] / row;
    }

    double precision(int c) {
        long column = 0;
        for (int t = 0; t < K; t++) {
            column += counts[t][c];
        }
        return column == 0 ? 0 : (double) counts[c][c] / column;
    }

    /** Mean F1 over the classes present in the set (a class with no true faces has no defined recall). */
    double macroF1() {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < K; c++) {
            double r = recall(c);
            if (Double.isNaN(r)) {
                continue;
            }
            double p = precision(c);
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
            classes++;
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    long[][] matrix() {
        long[][] copy = new long[K][];
        for (int c = 0; c < K; c++) {
            copy[c] = counts[c].clone();
        }
        return copy;
    }

    Map<String, Double> recallByLabel() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            m.put(e.label(), round(recall(e.ordinal())));
        }
        return m;
    }

    /** The matrix as a text table with recall per row, for people. */
    String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s", "true\\pred"));
        for (Emotion e : Emotion.values()) {
            sb.append(String.format(Locale.ROOT, "%9s", e.label()));
        }
        sb.append(String.format(Locale.ROOT, "%9s%n", "recall"));
        for (Emotion t : Emotion.values()) {
            sb.append(String.format(Locale.ROOT, "%-10s", t.label()));
            for (Emotion p : Emotion.values()) {
                sb.append(String.format(Locale.ROOT, "%9d", counts[t.ordinal()][p.ordinal()]));
            }
            sb.append(String.format(Locale.ROOT, "%9.3f%n", recall(t.ordinal())));
        }
        return sb.toString();
    }

    static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
    }
}
