package org.moodbox.models.quantize;

import org.moodbox.models.eval.TopClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.moodbox.models.ModelFiles;

/**
 * A temperature folded into our DCNN's last dense layer, checked in the TFLite interpreter: the folded file
 * gives softmax(log p / T) of the original's p, the same argmax, and says what was folded.
 */
class TemperatureFoldTest {
    private static final int[] FACE = {1, 48, 48, 1};

    @Test
    void theFoldedFileGivesTheOriginalsProbabilitiesSharpenedOrSoftenedByT() {
        byte[] original = ModelFiles.bytes(ModelFiles.EMOTION_DCNN_FLOAT);
        for (double t : new double[] {0.6, 1.7}) {
            byte[] folded = TemperatureFold.fold(original, t);
            assertThat(FloatGraph.read(folded).description()).endsWith(
                    String.format(java.util.Locale.ROOT, "temperature %.3f folded into the last dense layer", t));
            Random random = new Random(42);
            try (TfliteRunner before = new TfliteRunner(original); TfliteRunner after = new TfliteRunner(folded)) {
                for (int k = 0; k < 5; k++) {
                    float[] face = new float[48 * 48];
                    for (int i = 0; i < face.length; i++) {
                        face[i] = (float) Math.sin(i * 0.05 * (k + 1)) * 0.7f + random.nextFloat() * 0.3f - 0.15f;
                    }
                    before.run(CalibrationSample.of(FACE, face));
                    after.run(CalibrationSample.of(FACE, face));
                    float[] p = before.output(0);
                    float[] q = after.output(0);
                    double[] expected = softened(p, t);
                    for (int c = 0; c < p.length; c++) {
                        assertThat((double) q[c]).as("class %d at T %.1f", c, t).isCloseTo(expected[c],
                                org.assertj.core.data.Offset.offset(2e-5));
                    }
                    assertThat(TopClass.of(q)).isEqualTo(TopClass.of(p));
                }
            }
        }
    }

    @Test
    void logitOffsetsFoldedWithTheTemperatureMoveProbabilityBetweenClasses() {
        byte[] original = ModelFiles.bytes(ModelFiles.EMOTION_DCNN_FLOAT);
        double t = 0.8;
        double[] offsets = {0.4, 0, 0, -0.3, 0.6, 0, -0.7};
        byte[] folded = TemperatureFold.fold(original, t, offsets);
        assertThat(FloatGraph.read(folded).description()).contains("logit offsets [0.400, 0.000, 0.000, -0.300");
        try (TfliteRunner before = new TfliteRunner(original); TfliteRunner after = new TfliteRunner(folded)) {
            float[] face = new float[48 * 48];
            for (int i = 0; i < face.length; i++) {
                face[i] = (float) Math.cos(i * 0.03) * 0.6f;
            }
            before.run(CalibrationSample.of(FACE, face));
            after.run(CalibrationSample.of(FACE, face));
            double[] expected = softened(before.output(0), t, offsets);
            float[] q = after.output(0);
            for (int c = 0; c < q.length; c++) {
                assertThat((double) q[c]).as("class %d", c).isCloseTo(expected[c], org.assertj.core.data.Offset.offset(2e-5));
            }
        }
        assertThatThrownBy(() -> TemperatureFold.fold(original, 1, new double[] {1, 2}))
                .hasMessageContaining("one finite logit offset for each of the 7 classes");
        assertThatThrownBy(() -> TemperatureFold.fold(original, 1, new double[] {0, 0, 0, Double.NaN, 0, 0, 0}))
                .hasMessageContaining("finite");
    }

    @Test
    void aModelThatDoesNotEndInADenseLayerAndSoftmaxOrABadTemperatureIsRefused() {
        byte[] dcnn = ModelFiles.bytes(ModelFiles.EMOTION_DCNN_FLOAT);
        assertThatThrownBy(() -> TemperatureFold.fold(dcnn, 0)).hasMessageContaining("positive number");
        assertThatThrownBy(() -> TemperatureFold.fold(dcnn, Double.NaN)).hasMessageContaining("positive number");
        // P-Net gives two outputs (face scores and boxes): not a classifier to calibrate.
        assertThatThrownBy(() -> TemperatureFold.fold(ModelFiles.bytes("mtcnn-pnet-fused.tflite"), 1.5))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("SOFTMAX");
    }

    /** softmax(log p / t), in double. */
    private static double[] softened(float[] p, double t) {
        return softened(p, t, new double[p.length]);
    }

    /** softmax(log p / t + offsets), in double. */
    private static double[] softened(float[] p, double t, double[] offsets) {
        double[] e = new double[p.length];
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            e[c] = Math.exp(Math.log(Math.max(p[c], 1e-30)) / t + offsets[c]);
            sum += e[c];
        }
        for (int c = 0; c < p.length; c++) {
            e[c] /= sum;
        }
        return e;
    }
}
