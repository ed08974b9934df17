package org.moodbox.models.eval;

import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * How often an int8 emotion model picks the same class as its float original on FER-2013 images, both run
 * in the TFLite interpreter, plus each one's accuracy against the FER labels and the largest probability
 * difference. Reported by {@code moodbox bench emotion} and checked by the tests.
 */
public record Int8Agreement(int images, int sameArgmax, int floatCorrect, int int8Correct, double maxProbabilityGap) {
    private static final int SIDE = 64;

    public static Int8Agreement measure(byte[] floatModel, byte[] int8Model, Fer2013 data) {
        int same = 0;
        int floatRight = 0;
        int int8Right = 0;
        double gap = 0;
        int[] shape = {1, SIDE, SIDE, 1};
        try (TfliteRunner f = new TfliteRunner(floatModel); TfliteRunner q = new TfliteRunner(int8Model)) {
            for (int i = 0; i < data.size(); i++) {
                CalibrationSample input = CalibrationSample.of(shape, data.cnnInput(i, SIDE));
                f.run(input);
                q.run(input);
                float[] pf = f.output(0);
                float[] pq = q.output(0);
                int af = argmax(pf);
                int aq = argmax(pq);
                same += af == aq ? 1 : 0;
                floatRight += af == data.labels()[i] ? 1 : 0;
                int8Right += aq == data.labels()[i] ? 1 : 0;
                for (int k = 0; k < pf.length; k++) {
                    gap = Math.max(gap, Math.abs(pf[k] - pq[k]));
                }
            }
        }
        return new Int8Agreement(data.size(), same, floatRight, int8Right, gap);
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

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
