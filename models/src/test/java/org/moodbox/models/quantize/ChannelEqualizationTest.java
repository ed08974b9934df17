package org.moodbox.models.quantize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moodbox.models.tflite.TfliteModelBuilder;
import org.moodbox.models.tflite.TfliteOptions;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Padding;

/**
 * Channel equalization against the TFLite interpreter: the equalized float model must compute what the original
 * computes, its rescaled tensors must use their range evenly, and the int8 model made from it must track the float
 * model more closely than one made from the original when channels differ widely in range.
 */
class ChannelEqualizationTest {
    private static final int SIDE = 8;
    private static final int CHANNELS = 8;

    @Test
    void theEqualizedModelComputesTheSameFunction() {
        FloatGraph original = FloatGraph.read(separableNet(ActivationFunctionType.RELU));
        List<CalibrationSample> calibration = randomInputs(100, 1);
        FloatGraph equalized = ChannelEqualization.equalize(original, calibration);

        float[][] before = outputs(original.write(false), randomInputs(50, 2));
        float[][] after = outputs(equalized.write(false), randomInputs(50, 2));
        for (int i = 0; i < before.length; i++) {
            for (int k = 0; k < before[i].length; k++) {
                assertThat((double) after[i][k]).isCloseTo(before[i][k], org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void everyConvolutionFollowedByALinearReaderIsPairedThroughPoolingAndMean() {
        FloatGraph graph = FloatGraph.read(separableNet(ActivationFunctionType.RELU));
        List<ChannelEqualization.Pair> pairs = ChannelEqualization.pairs(graph);

        assertThat(pairs).extracting(p -> graph.tensor(p.head()).name())
                .containsExactly("conv/relu", "depthwise", "pointwise/relu");
        assertThat(pairs).extracting(p -> graph.operators().get(p.consumer()).code())
                .containsExactly(BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOperator.CONV_2D,
                        BuiltinOperator.FULLY_CONNECTED);
    }

    @Test
    void everyRescaledTensorsChannelsReachItsWidestRange() {
        FloatGraph original = FloatGraph.read(separableNet(ActivationFunctionType.RELU));
        List<CalibrationSample> calibration = randomInputs(100, 1);
        FloatGraph equalized = ChannelEqualization.equalize(original, calibration);

        float[] before = channelMaxima(original, "conv/relu", calibration);
        assertThat(widest(before) / narrowest(before)).as("the net is built with channels far apart").isGreaterThan(100);
        for (String tensor : List.of("conv/relu", "depthwise", "pointwise/relu")) {
            float widest = widest(channelMaxima(original, tensor, calibration));
            for (float v : channelMaxima(equalized, tensor, calibration)) {
                assertThat((double) v).as(tensor).isCloseTo(widest, org.assertj.core.data.Offset.offset(widest * 1e-4));
            }
        }
    }

    @Test
    void aChannelThatNeverFiresKeepsItsScale() {
        assertThat(ChannelEqualization.scales(new float[] {2f, 0.5f, 0f, 1e-9f})).containsExactly(1f, 4f, 1f, 1f);
    }

    @Test
    void theInt8ModelOfTheEqualizedNetTracksTheFloatModelCloser() {
        byte[] floatModel = separableNet(ActivationFunctionType.RELU);
        List<CalibrationSample> calibration = randomInputs(100, 1);
        List<CalibrationSample> heldOut = randomInputs(100, 3);
        double plain = meanError(floatModel, Int8Quantizer.quantize(floatModel, calibration, Set.of(), false), heldOut);
        double equalized = meanError(floatModel, Int8Quantizer.quantize(floatModel, calibration, Set.of(), true), heldOut);

        assertThat(equalized).isLessThan(plain / 2);
    }

    @Test
    void aRelu6ProducerIsLeftAsItIsBecauseItsCapDoesNotScale() {
        FloatGraph graph = FloatGraph.read(separableNet(ActivationFunctionType.RELU6));

        assertThat(ChannelEqualization.pairs(graph)).extracting(p -> graph.tensor(p.head()).name())
                .doesNotContain("conv/relu", "pointwise/relu");
    }

    /**
     * conv 3x3 (1 to 8 channels, filter c scaled by 10^(c/2 - 2): ranges 1e-2 to 30) with {@code activation},
     * depthwise 3x3 (channel c divided by the same scale), pointwise 1x1 with {@code activation}, max pool, mean, fully connected to 4, softmax.
     */
    private static byte[] separableNet(byte activation) {
        Random random = new Random(11);
        TfliteModelBuilder b = new TfliteModelBuilder("separable test net");
        int x = b.floatActivation("x", 1, SIDE, SIDE, 1);
        float[] w = RandomTensors.uniform(random, CHANNELS * 9, 1f);
        float[] bias = RandomTensors.uniform(random, CHANNELS, 0.3f);
        for (int c = 0; c < CHANNELS; c++) {
            float scale = (float) Math.pow(10, c / 2.0 - 2);
            bias[c] *= scale;
            for (int k = 0; k < 9; k++) {
                w[c * 9 + k] *= scale;
            }
        }
        int conv = b.floatActivation("conv/relu", 1, SIDE, SIDE, CHANNELS);
        b.operator(BuiltinOperator.CONV_2D, new int[] {x, b.floatConstant("conv/w", new int[] {CHANNELS, 3, 3, 1}, w),
                b.floatConstant("conv/b", new int[] {CHANNELS}, bias)}, new int[] {conv},
                TfliteOptions.conv2d(Padding.SAME, 1, 1, 1, 1, activation));
        // The depthwise weights undo the scales, so the narrow channels matter as much downstream as the wide ones
        // (as in a trained net with batch norm folded in), and int8 cannot afford to lose them.
        float[] dwWeights = RandomTensors.uniform(random, 9 * CHANNELS, 1f);
        for (int i = 0; i < dwWeights.length; i++) {
            dwWeights[i] /= (float) Math.pow(10, (i % CHANNELS) / 2.0 - 2);
        }
        int dw = b.floatActivation("depthwise", 1, SIDE, SIDE, CHANNELS);
        b.operator(BuiltinOperator.DEPTHWISE_CONV_2D, new int[] {conv,
                b.floatConstant("dw/w", new int[] {1, 3, 3, CHANNELS}, dwWeights),
                b.floatConstant("dw/b", new int[] {CHANNELS}, new float[CHANNELS])}, new int[] {dw},
                TfliteOptions.depthwiseConv2d(Padding.SAME, 1, 1, 1, 1, 1, ActivationFunctionType.NONE));
        int pw = b.floatActivation("pointwise/relu", 1, SIDE, SIDE, CHANNELS);
        b.operator(BuiltinOperator.CONV_2D, new int[] {dw,
                b.floatConstant("pw/w", new int[] {CHANNELS, 1, 1, CHANNELS}, RandomTensors.uniform(random, CHANNELS * CHANNELS, 1f)),
                b.floatConstant("pw/b", new int[] {CHANNELS}, RandomTensors.uniform(random, CHANNELS, 0.1f))}, new int[] {pw},
                TfliteOptions.conv2d(Padding.SAME, 1, 1, 1, 1, activation));
        int pool = b.floatActivation("pool", 1, SIDE / 2, SIDE / 2, CHANNELS);
        b.operator(BuiltinOperator.MAX_POOL_2D, new int[] {pw}, new int[] {pool},
                TfliteOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE));
        int mean = b.floatActivation("mean", 1, CHANNELS);
        b.operator(BuiltinOperator.MEAN, new int[] {pool, b.int32Constant("axes", new int[] {2}, new int[] {1, 2})},
                new int[] {mean}, TfliteOptions.reducer(false));
        int logits = b.floatActivation("logits", 1, 4);
        b.operator(BuiltinOperator.FULLY_CONNECTED, new int[] {mean,
                b.floatConstant("fc/w", new int[] {4, CHANNELS}, RandomTensors.uniform(random, 4 * CHANNELS, 1f)),
                b.floatConstant("fc/b", new int[] {4}, RandomTensors.uniform(random, 4, 0.1f))}, new int[] {logits},
                TfliteOptions.fullyConnected(ActivationFunctionType.NONE));
        int p = b.floatActivation("probabilities", 1, 4);
        b.operator(BuiltinOperator.SOFTMAX, new int[] {logits}, new int[] {p}, TfliteOptions.softmax(1f));
        return b.inputs(x).outputs(p).build();
    }

    private static float[] channelMaxima(FloatGraph graph, String tensor, List<CalibrationSample> inputs) {
        int t = graph.tensorIndex(tensor);
        float[] max = new float[CHANNELS];
        try (TfliteRunner runner = new TfliteRunner(graph.write(true))) {
            for (CalibrationSample s : inputs) {
                runner.run(s);
                float[] v = runner.floats(t);
                for (int i = 0; i < v.length; i++) {
                    max[i % CHANNELS] = Math.max(max[i % CHANNELS], Math.abs(v[i]));
                }
            }
        }
        return max;
    }

    private static float widest(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static float narrowest(float[] v) {
        float m = Float.MAX_VALUE;
        for (float x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static float[][] outputs(byte[] model, List<CalibrationSample> inputs) {
        float[][] out = new float[inputs.size()][];
        try (TfliteRunner runner = new TfliteRunner(model)) {
            for (int i = 0; i < inputs.size(); i++) {
                runner.run(inputs.get(i));
                out[i] = runner.output(0);
            }
        }
        return out;
    }

    private static double meanError(byte[] floatModel, byte[] int8, List<CalibrationSample> inputs) {
        float[][] f = outputs(floatModel, inputs);
        float[][] q = outputs(int8, inputs);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            for (int k = 0; k < f[i].length; k++) {
                sum += Math.abs(f[i][k] - q[i][k]);
                n++;
            }
        }
        return sum / n;
    }

    private static List<CalibrationSample> randomInputs(int count, long seed) {
        return RandomTensors.samples(count, seed, 1, SIDE, SIDE, 1);
    }
}
