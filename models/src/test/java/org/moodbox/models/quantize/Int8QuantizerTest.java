package org.moodbox.models.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.tflite.TfliteModelBuilder;
import org.moodbox.models.tflite.TfliteOptions;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.TensorType;

/** The quantizer against the TFLite interpreter: int8 outputs must track the float model's. */
class Int8QuantizerTest {
    @Test
    void aSmallCnnQuantizesToInt8WeightsAndTracksTheFloatOutputs() {
        byte[] floatModel = smallCnn();
        List<CalibrationSample> calibration = randomInputs(200, 1);
        byte[] int8 = Int8Quantizer.quantize(floatModel, calibration);

        assertThat(Int8Quantizer.quantize(floatModel, calibration)).as("same inputs, same bytes").isEqualTo(int8);
        Model m = Model.getRootAsModel(ByteBuffer.wrap(int8));
        assertThat(m.subgraphs(0).inputs(0)).isNotNegative();
        assertThat(m.subgraphs(0).tensors(m.subgraphs(0).inputs(0)).type()).isEqualTo(TensorType.FLOAT32);
        int int8Weights = 0;
        for (int t = 0; t < m.subgraphs(0).tensorsLength(); t++) {
            if (m.subgraphs(0).tensors(t).type() == TensorType.INT8 && m.buffers((int) m.subgraphs(0).tensors(t).buffer()).dataLength() > 0) {
                int8Weights++;
            }
        }
        assertThat(int8Weights).as("conv and fc weights").isEqualTo(2);

        assertThat(worstError(floatModel, int8, calibration)).isLessThan(0.02);
        // Inputs it was not calibrated on may reach past the calibrated ranges and be clipped: a looser bound.
        assertThat(worstError(floatModel, int8, randomInputs(50, 2))).isLessThan(0.08);
    }

    /** The largest |float - int8| over all outputs, as a fraction of the largest float output. */
    private static double worstError(byte[] floatModel, byte[] int8, List<CalibrationSample> inputs) {
        double worst = 0;
        double range = 0;
        try (TfliteRunner f = new TfliteRunner(floatModel); TfliteRunner q = new TfliteRunner(int8)) {
            for (CalibrationSample s : inputs) {
                f.run(s);
                q.run(s);
                float[] a = f.output(0);
                float[] b = q.output(0);
                for (int i = 0; i < a.length; i++) {
                    worst = Math.max(worst, Math.abs(a[i] - b[i]));
                    range = Math.max(range, Math.abs(a[i]));
                }
            }
        }
        return worst / range;
    }

    /** On the held-out photos' faces: the int8 file's ranges were measured on the other photos only. */
    @Test
    void theEmotionCnnPicksTheSameEmotionOnRealFacesItWasNotCalibratedOn() {
        byte[] floatModel = ModelFiles.bytes(ModelFiles.EMOTION_CNN);
        byte[] int8 = ModelFiles.bytes(ModelFiles.EMOTION_CNN_INT8);
        assertThat(int8.length).isLessThan(floatModel.length / 3);
        List<float[]> faces = org.moodbox.models.tfjs.EmotionInputsAccess.heldOutFaces();
        assertThat(faces).hasSize(6);
        try (TfliteRunner f = new TfliteRunner(floatModel); TfliteRunner q = new TfliteRunner(int8)) {
            for (float[] face : faces) {
                CalibrationSample s = CalibrationSample.of(new int[] {1, 64, 64, 1}, face);
                f.run(s);
                q.run(s);
                assertThat(argmax(q.output(0))).isEqualTo(argmax(f.output(0)));
            }
        }
    }

    @Test
    void fusingTheDecomposedPreluChangesNothingButTheOperatorCount() {
        byte[] rnet = ModelFiles.bytes(ModelFiles.MTCNN_RNET);
        byte[] fused = Int8Quantizer.fusePrelu(rnet);
        int before = Model.getRootAsModel(ByteBuffer.wrap(rnet)).subgraphs(0).operatorsLength();
        int after = Model.getRootAsModel(ByteBuffer.wrap(fused)).subgraphs(0).operatorsLength();
        assertThat(after).isEqualTo(before - 4 * 5); // four PReLUs, six operators each become one
        Random random = new Random(3);
        float[] window = new float[24 * 24 * 3];
        for (int i = 0; i < window.length; i++) {
            window[i] = random.nextFloat() * 2 - 1;
        }
        CalibrationSample s = CalibrationSample.of(new int[] {1, 24, 24, 3}, window);
        try (TfliteRunner a = new TfliteRunner(rnet); TfliteRunner b = new TfliteRunner(fused)) {
            a.run(s);
            b.run(s);
            for (int o = 0; o < 2; o++) {
                float[] x = a.output(o);
                float[] y = b.output(o);
                for (int i = 0; i < x.length; i++) {
                    assertThat(y[i]).isCloseTo(x[i], org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
        }
    }

    @Test
    void whatIsNotAFloatTfliteModelIsRefusedWithAReason() {
        assertThatThrownBy(() -> Int8Quantizer.quantize("not a model at all".getBytes(), randomInputs(1, 1)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("TFL3");
        byte[] int8 = ModelFiles.bytes(ModelFiles.EMOTION_CNN_INT8);
        assertThatThrownBy(() -> Int8Quantizer.quantize(int8, List.of()))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("INT8");
        assertThatThrownBy(() -> Int8Quantizer.quantize(smallCnn(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one sample");
    }

    /** [1,8,8,3] -> conv 3x3 (4 filters, ReLU) -> max pool 2x2 -> fully connected 5. */
    private static byte[] smallCnn() {
        Random random = new Random(7);
        TfliteModelBuilder b = new TfliteModelBuilder("small cnn");
        int x = b.floatActivation("x", 1, 8, 8, 3);
        int w = b.floatConstant("w", new int[] {4, 3, 3, 3}, RandomTensors.uniform(random, 4 * 27, 0.5f));
        int bias = b.floatConstant("b", new int[] {4}, RandomTensors.uniform(random, 4, 0.2f));
        int conv = b.floatActivation("conv", 1, 6, 6, 4);
        b.operator(BuiltinOperator.CONV_2D, new int[] {x, w, bias}, new int[] {conv},
                TfliteOptions.conv2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.RELU));
        int pool = b.floatActivation("pool", 1, 3, 3, 4);
        b.operator(BuiltinOperator.MAX_POOL_2D, new int[] {conv}, new int[] {pool},
                TfliteOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE));
        int fw = b.floatConstant("fw", new int[] {5, 36}, RandomTensors.uniform(random, 5 * 36, 0.3f));
        int fb = b.floatConstant("fb", new int[] {5}, RandomTensors.uniform(random, 5, 0.1f));
        int y = b.floatActivation("y", 1, 5);
        b.operator(BuiltinOperator.FULLY_CONNECTED, new int[] {pool, fw, fb}, new int[] {y}, null);
        return b.inputs(x).outputs(y).build();
    }

    private static List<CalibrationSample> randomInputs(int count, long seed) {
        return RandomTensors.samples(count, seed, 1, 8, 8, 3);
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
