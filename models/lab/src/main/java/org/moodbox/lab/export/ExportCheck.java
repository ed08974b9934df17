package org.moodbox.lab.export;

import org.moodbox.models.eval.TopClass;
import org.moodbox.lab.data.Preprocessing;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * Runs exported models in the real TFLite interpreter against the trainer: the float model's largest
 * probability difference from DJL, and how often the int8 model picks the float model's class.
 */
public final class ExportCheck {
    private ExportCheck() {
    }

    public static double maxDifference(byte[] floatModel, float[][] djlProbabilities, FerSet images) {
        float[][] tflite = new float[djlProbabilities.length][];
        try (TfliteRunner runner = new TfliteRunner(floatModel)) {
            for (int i = 0; i < tflite.length; i++) {
                runner.run(sample(images, i));
                tflite[i] = runner.output(0);
            }
        }
        return maxDifference(tflite, djlProbabilities);
    }

    /** The largest |a - b| over all rows and classes of two sets of probabilities. */
    public static double maxDifference(float[][] a, float[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < a[i].length; c++) {
                worst = Math.max(worst, Math.abs(a[i][c] - b[i][c]));
            }
        }
        return worst;
    }

    public static double argmaxAgreement(byte[] floatModel, byte[] int8Model, FerSet images, int count) {
        int same = 0;
        try (TfliteRunner f = new TfliteRunner(floatModel); TfliteRunner q = new TfliteRunner(int8Model)) {
            for (int i = 0; i < count; i++) {
                CalibrationSample s = sample(images, i);
                f.run(s);
                q.run(s);
                same += TopClass.of(f.output(0)) == TopClass.of(q.output(0)) ? 1 : 0;
            }
        }
        return (double) same / count;
    }

    static CalibrationSample sample(FerSet images, int i) {
        int pixels = images.imageSize();
        float[] input = new float[pixels];
        Preprocessing.plain(images.pixels(), i * pixels, pixels, input, 0);
        return CalibrationSample.of(new int[] {1, images.rows(), images.cols(), 1}, input);
    }

}
