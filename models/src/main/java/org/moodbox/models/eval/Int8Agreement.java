package org.moodbox.models.eval;

import org.moodbox.models.fer.FerSet;
import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * How often an int8 emotion model (the mini-Xception's or our DCNN's) picks the same class as its float
 * original on FER-2013 images, both run in the TFLite interpreter, plus each one's accuracy against the
 * FER labels and the largest probability difference. Reported by {@code moodbox bench emotion} and checked by the tests.
 */
public record Int8Agreement(int images, int sameArgmax, int floatCorrect, int int8Correct, double maxProbabilityGap) {
    public static Int8Agreement measure(byte[] floatModel, byte[] int8Model, FerSet data) {
        int same = 0;
        int floatRight = 0;
        int int8Right = 0;
        double gap = 0;
        try (TfliteRunner f = new TfliteRunner(floatModel); TfliteRunner q = new TfliteRunner(int8Model)) {
            // Each model at its own square grey input: 64 for the mini-Xception, 48 for our DCNN.
            int[] shape = f.inputShape(0);
            int side = shape[1];
            for (int i = 0; i < data.count(); i++) {
                CalibrationSample input = CalibrationSample.of(shape, cnnInput(data, i, side));
                f.run(input);
                q.run(input);
                float[] pf = f.output(0);
                float[] pq = q.output(0);
                int af = TopClass.of(pf);
                int aq = TopClass.of(pq);
                same += af == aq ? 1 : 0;
                floatRight += af == data.label(i) ? 1 : 0;
                int8Right += aq == data.label(i) ? 1 : 0;
                for (int k = 0; k < pf.length; k++) {
                    gap = Math.max(gap, Math.abs(pf[k] - pq[k]));
                }
            }
        }
        return new Int8Agreement(data.count(), same, floatRight, int8Right, gap);
    }

    /**
     * Image {@code i} as the emotion CNN takes it: bilinear to side x side (pixel centres aligned, as
     * OpenCV's INTER_LINEAR), grey on [0,1] shifted to [-1,1].
     */
    static float[] cnnInput(FerSet set, int i, int side) {
        byte[] src = set.image(i);
        int rows = set.rows();
        int cols = set.cols();
        float[] out = new float[side * side];
        double sy = (double) rows / side;
        double sx = (double) cols / side;
        for (int y = 0; y < side; y++) {
            double fy = Math.max(0, Math.min(rows - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(rows - 1, y0 + 1);
            double wy = fy - y0;
            for (int x = 0; x < side; x++) {
                double fx = Math.max(0, Math.min(cols - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(cols - 1, x0 + 1);
                double wx = fx - x0;
                double top = (src[y0 * cols + x0] & 0xff) * (1 - wx) + (src[y0 * cols + x1] & 0xff) * wx;
                double bottom = (src[y1 * cols + x0] & 0xff) * (1 - wx) + (src[y1 * cols + x1] & 0xff) * wx;
                double g = (top * (1 - wy) + bottom * wy) / 255.0;
                out[y * side + x] = (float) ((g - 0.5) * 2);
            }
        }
        return out;
    }

    public double agreement() {
        return images == 0 ? 0 : (double) sameArgmax / images;
    }

    public double floatAccuracy() {
        return images == 0 ? 0 : (double) floatCorrect / images;
    }

    public double int8Accuracy() {
        return images == 0 ? 0 : (double) int8Correct / images;
    }

}
