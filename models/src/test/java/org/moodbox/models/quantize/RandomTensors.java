package org.moodbox.models.quantize;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded uniform noise for the quantizer's tests: the same seed gives the same values. */
final class RandomTensors {
    private RandomTensors() {
    }

    /** {@code n} values uniform in [-scale, scale). */
    static float[] uniform(Random random, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextFloat() * 2 - 1) * scale;
        }
        return v;
    }

    /** {@code count} single-input samples of {@code shape}, values uniform in [-1, 1). */
    static List<CalibrationSample> samples(int count, long seed, int... shape) {
        Random random = new Random(seed);
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        List<CalibrationSample> samples = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            samples.add(CalibrationSample.of(shape, uniform(random, size, 1f)));
        }
        return samples;
    }
}
