package org.moodbox.lab.facenet;

import org.moodbox.models.eval.TopClass;
import org.moodbox.models.fer.FerSet;

/**
 * Accuracy and macro-F1 against the FER+ majority (rows whose majority is contempt, unknown or not-a-face left
 * out) and against the FER-2013 labels, with both confusion matrices (rows true, columns predicted).
 */
public record Scores(double ferPlusAccuracy, double ferPlusMacroF1, int ferPlusCounted, double ferAccuracy,
                     double ferMacroF1, int[][] ferPlusConfusion, int[][] ferConfusion) {

    public static Scores of(float[][] p, FerSet set) {
        int k = FerSet.CLASSES;
        int[][] plus = new int[k][k];
        int[][] fer = new int[k][k];
        int counted = 0;
        for (int i = 0; i < p.length; i++) {
            int predicted = TopClass.of(p[i]);
            fer[set.label(i)][predicted]++;
            int majority = set.ferPlusMajority(i);
            if (majority >= 0) {
                plus[majority][predicted]++;
                counted++;
            }
        }
        return new Scores(accuracy(plus), macroF1(plus), counted, accuracy(fer), macroF1(fer), plus, fer);
    }


    static double accuracy(int[][] m) {
        long right = 0;
        long all = 0;
        for (int t = 0; t < m.length; t++) {
            for (int q = 0; q < m.length; q++) {
                all += m[t][q];
                right += t == q ? m[t][q] : 0;
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** Macro-F1 of a confusion matrix (rows true, columns predicted); a class never seen nor predicted scores 0. */
    public static double macroF1(int[][] m) {
        double sum = 0;
        for (int c = 0; c < m.length; c++) {
            long tp = m[c][c];
            long actual = 0;
            long predicted = 0;
            for (int o = 0; o < m.length; o++) {
                actual += m[c][o];
                predicted += m[o][c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / m.length;
    }

    public static String confusionTable(int[][] m) {
        String[] names = {"angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"};
        StringBuilder sb = new StringBuilder(String.format("%-10s", "true\\pred"));
        for (String n : names) {
            sb.append(String.format("%9s", n));
        }
        sb.append(String.format("%9s%n", "recall"));
        for (int t = 0; t < m.length; t++) {
            sb.append(String.format("%-10s", names[t]));
            long all = 0;
            for (int q = 0; q < m.length; q++) {
                sb.append(String.format("%9d", m[t][q]));
                all += m[t][q];
            }
            sb.append(String.format("%9.3f%n", all == 0 ? 0 : (double) m[t][t] / all));
        }
        return sb.toString();
    }
}
