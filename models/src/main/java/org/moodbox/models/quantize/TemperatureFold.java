package org.moodbox.models.quantize;

import java.util.Arrays;
import java.util.Locale;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.TensorType;

/**
 * Temperature scaling (Guo et al. 2017) folded into a float classifier: the last dense layer's weights and bias
 * are divided by T, so the file's softmax gives {@code softmax(logits / T)} and the appliance reads calibrated
 * probabilities without knowing T. The argmax never changes. Optionally a per-class offset is added to the bias
 * as well (post-hoc logit adjustment, Menon et al. 2021): {@code softmax(logits / T + offsets)}, which moves
 * answers between classes on purpose.
 */
public final class TemperatureFold {
    private TemperatureFold() {
    }

    /**
     * @param floatModel a float32 TFLite classifier ending in FULLY_CONNECTED (no fused activation) then SOFTMAX
     * @param temperature T &gt; 0; 1 leaves the probabilities as they are
     * @throws UnsupportedModelException when the model does not end that way (a reason names what it found)
     */
    public static byte[] fold(byte[] floatModel, double temperature) {
        return fold(floatModel, temperature, null);
    }

    /**
     * @param logitOffsets one offset a class, added to the logits after the division by T; null for none
     * @throws IllegalArgumentException when the offsets are not one finite number a class
     */
    public static byte[] fold(byte[] floatModel, double temperature, double[] logitOffsets) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be a positive number, got " + temperature);
        }
        FloatGraph graph = FloatGraph.read(floatModel);
        int[] outputs = graph.graphOutputs();
        FloatGraph.Op softmax = outputs.length != 1 ? null
                : GraphLinks.producer(graph.operators(), outputs[0], BuiltinOperator.SOFTMAX);
        if (softmax == null) {
            throw new UnsupportedModelException("the model's one output does not come from a SOFTMAX operator");
        }
        FloatGraph.Op dense = GraphLinks.producer(graph.operators(), softmax.inputs()[0],
                BuiltinOperator.FULLY_CONNECTED);
        if (dense == null || FloatGraph.fusedActivation(dense) != 0
                || dense.inputs().length < 3 || dense.inputs()[2] < 0) {
            throw new UnsupportedModelException("the softmax's input does not come from a FULLY_CONNECTED layer with a"
                    + " bias and no fused activation");
        }
        int weights = dense.inputs()[1];
        int bias = dense.inputs()[2];
        for (int t : new int[] {weights, bias}) {
            if (!graph.tensor(t).constant() || graph.tensor(t).type() != TensorType.FLOAT32) {
                throw new UnsupportedModelException("the dense layer's '" + graph.tensor(t).name()
                        + "' is not a float32 constant");
            }
        }
        if (Arrays.stream(outputs).anyMatch(o -> o == dense.outputs()[0]) || GraphLinks.consumers(graph.operators(), dense.outputs()[0]) != 1) {
            throw new UnsupportedModelException("the logits are read by more than the softmax; dividing them would"
                    + " change those readers too");
        }
        float[] newBias = divided(graph.floats(bias), temperature);
        String note = String.format(Locale.ROOT, "; temperature %.3f folded into the last dense layer", temperature);
        if (logitOffsets != null) {
            if (logitOffsets.length != newBias.length || Arrays.stream(logitOffsets).anyMatch(o -> !Double.isFinite(o))) {
                throw new IllegalArgumentException("need one finite logit offset for each of the " + newBias.length
                        + " classes, got " + Arrays.toString(logitOffsets));
            }
            for (int c = 0; c < newBias.length; c++) {
                newBias[c] = (float) (newBias[c] + logitOffsets[c]);
            }
            note += "; logit offsets " + Arrays.toString(Arrays.stream(logitOffsets)
                    .mapToObj(o -> String.format(Locale.ROOT, "%.3f", o)).toArray());
        }
        return graph.withConstant(weights, divided(graph.floats(weights), temperature))
                .withConstant(bias, newBias)
                .withDescription(graph.description() + note)
                .write(false);
    }

    private static float[] divided(float[] values, double t) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) (values[i] / t);
        }
        return out;
    }
}
