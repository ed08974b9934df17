package org.moodbox.lab.export;

import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.moodbox.lab.facenet.Scores;
import org.moodbox.models.eval.TopClass;
import org.moodbox.models.fer.FerPlusTestSets;
import org.moodbox.models.fer.FerSet;

/**
 * A classifier's answers scored by one FER+ rule ({@link FerPlusTestSets}: the standard test, or the clear or
 * subtle view): accuracy with contempt faces counted as misses, macro-F1 over the seven classes, recall per
 * class, and how many faces of each class were read as neutral.
 */
record ViewScores(int faces, double accuracy, double macroF1, double[] recall, int[] readAsNeutral) {
    private static final int ANGRY = 0;
    private static final int HAPPY = 3;
    private static final int SAD = 4;
    private static final int SURPRISE = 5;
    private static final int NEUTRAL = 6;

    /** The columns of {@link #row}, after a first column named {@code first}. */
    static String header(String first) {
        return String.format(Locale.ROOT, "%5s  %8s %8s  %-29s %8s  %s%n", first, "standard", "macroF1",
                "clear recall ang/sad/sur/hap", "subtle", "subtle angry, sad read as neutral");
    }

    /** One line: the standard test's accuracy and macro-F1, the clear view's recall of four classes, the subtle view. */
    static String row(String first, float[][] p, FerSet set) {
        ViewScores standard = of(p, set, set::ferPlusStandard);
        ViewScores clear = of(p, set, set::ferPlusClear);
        ViewScores subtle = of(p, set, set::ferPlusSubtle);
        return String.format(Locale.ROOT, "%5s  %8.4f %8.4f  %.3f / %.3f / %.3f / %.3f    %8.4f  %d, %d%n", first,
                standard.accuracy(), standard.macroF1(), clear.recall()[ANGRY], clear.recall()[SAD],
                clear.recall()[SURPRISE], clear.recall()[HAPPY], subtle.accuracy(),
                subtle.readAsNeutral()[ANGRY], subtle.readAsNeutral()[SAD]);
    }

    static ViewScores of(float[][] p, FerSet set, IntUnaryOperator rule) {
        int k = FerSet.CLASSES;
        int[][] confusion = new int[k][k];
        int faces = 0;
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            int truth = rule.applyAsInt(i);
            if (truth == FerPlusTestSets.LEFT_OUT) {
                continue;
            }
            faces++;
            if (truth == FerPlusTestSets.CONTEMPT) {
                continue; // a miss whatever the answer, outside the seven-class matrix
            }
            int predicted = TopClass.of(p[i]);
            confusion[truth][predicted]++;
            right += predicted == truth ? 1 : 0;
        }
        double[] recall = new double[k];
        int[] neutral = new int[k];
        for (int c = 0; c < k; c++) {
            int actual = java.util.Arrays.stream(confusion[c]).sum();
            recall[c] = actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
            neutral[c] = confusion[c][NEUTRAL];
        }
        return new ViewScores(faces, faces == 0 ? Double.NaN : (double) right / faces, Scores.macroF1(confusion), recall,
                neutral);
    }
}
