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

    /** The mean of the models' probabilities, face by face. */
    public static float[][] average(List<byte[]> models, FerSet set) {
        return mean(models.stream().map(m -> probabilities(m, set)).toList());
    }

    /** One float classifier's probabilities on every row of the set, in the interpreter. */
    public static float[][] probabilities(byte[] model, FerSet set) {
        float[][] out = new float[set.count()][];
        try (TfliteRunner runner = new TfliteRunner(model)) {
            for (int i = 0; i < set.count(); i++) {
                runner.run(ExportCheck.sample(set, i));
                out[i] = runner.output(0);
                if (out[i].length != FerSet.CLASSES) {
                    throw new IllegalArgumentException("a teacher model must give " + FerSet.CLASSES
                            + " probabilities a face, this one gives " + out[i].length);
                }
            }
        }
        return out;
    }

    /** The members' answers averaged face by face (all for the same rows). */
    public static float[][] mean(List<float[][]> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a teacher needs at least one model");
        }
        int rows = members.get(0).length;
        float[][] sum = new float[rows][FerSet.CLASSES];
        for (float[][] p : members) {
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < FerSet.CLASSES; c++) {
                    sum[i][c] += p[i][c] / members.size();
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
