package org.moodbox.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * The fused update takes AdamW's textbook steps: decoupled decay, bias-corrected moments, epsilon added to the
 * corrected root (which the fused call only matches with a rescaled epsilon), and the gradient cleared after.
 */
class ResumableAdamTest {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-3f; // large enough that a misplaced epsilon shows
    private static final float DECAY = 0.01f;

    @Test
    void twoStepsFollowTheAdamWFormula() {
        CosineSchedule schedule = new CosineSchedule(0.1, 0.1, 0, 1000, 0);
        ResumableAdam adam = new ResumableAdam(schedule, BETA1, BETA2, EPSILON, DECAY);
        float[][] gradients = {{0.5f, -0.002f, 0f}, {-0.25f, -0.004f, 0.01f}};
        double[] w = {1.0, -2.0, 0.3};
        double[] m = new double[3];
        double[] v = new double[3];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1.0f, -2.0f, 0.3f});
            weight.setRequiresGradient(true);
            for (int step = 1; step <= gradients.length; step++) {
                double lr = schedule.current();
                adam.update("p", weight, manager.create(gradients[step - 1]));
                schedule.advance();
                for (int i = 0; i < w.length; i++) {
                    double g = gradients[step - 1][i];
                    w[i] -= lr * DECAY * w[i];
                    m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                    v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                    double mHat = m[i] / (1 - Math.pow(BETA1, step));
                    double vHat = v[i] / (1 - Math.pow(BETA2, step));
                    w[i] -= lr * mHat / (Math.sqrt(vHat) + EPSILON);
                }
                float[] actual = weight.toFloatArray();
                for (int i = 0; i < w.length; i++) {
                    assertThat((double) actual[i]).as("weight %d after step %d", i, step).isCloseTo(w[i], within(1e-6));
                }
                assertThat(weight.getGradient().toFloatArray()).as("gradient cleared").containsOnly(0f);
            }
        }
    }
}
