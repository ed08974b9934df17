package org.moodbox.lab.export;

import java.util.List;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * A distillation teacher's answers: the average of several float TFLite classifiers' probabilities on every row
 * of a set, each face as the classifiers were trained to see it (the plain preprocessing, no augmentation).
 * Averaging probabilities, not logits, keeps each member's own calibration out of the vote.
 */
public final class TeacherLabels {
    private TeacherLabels() {
    }

    public static float[][] average(List<byte[]> models, FerSet set) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a teacher needs at least one model");
        }
        float[][] sum = new float[set.count()][];
        for (byte[] model : models) {
            try (TfliteRunner runner = new TfliteRunner(model)) {
                for (int i = 0; i < set.count(); i++) {
                    runner.run(ExportCheck.sample(set, i));
                    float[] p = runner.output(0);
                    if (p.length != FerSet.CLASSES) {
                        throw new IllegalArgumentException("a teacher model must give " + FerSet.CLASSES
                                + " probabilities a face, this one gives " + p.length);
                    }
                    if (sum[i] == null) {
                        sum[i] = new float[p.length];
                    }
                    for (int c = 0; c < p.length; c++) {
                        sum[i][c] += p[c] / models.size();
                    }
                }
            }
        }
        return sum;
    }

    /** A views table (standard test, clear and subtle views; {@link ViewScores#row}) with one line per answer set. */
    public static String report(List<String> names, List<float[][]> probabilities, FerSet set) {
        StringBuilder sb = new StringBuilder(ViewScores.header("model"));
        for (int i = 0; i < names.size(); i++) {
            sb.append(ViewScores.row(names.get(i), probabilities.get(i), set));
        }
        return sb.toString();
    }
}
