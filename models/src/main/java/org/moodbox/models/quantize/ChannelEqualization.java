package org.moodbox.models.quantize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.TensorType;

/**
 * Cross-layer channel equalization before int8 quantization (after Nagel et al. 2019, "Data-Free Quantization
 * Through Weight Equalization and Bias Correction", with activation ranges measured on calibration samples).
 *
 * <p>TFLite quantizes an activation with one scale for the whole tensor. When one channel of a tensor reaches 20
 * and another only 0.5, the small channel gets a handful of the 256 levels. Where a convolution computes the
 * tensor and a single linear operator reads it, channel c can be multiplied by any s<sub>c</sub> &gt; 0: the
 * producer's filter c and bias c are multiplied by s<sub>c</sub>, the consumer's weights that read channel c
 * divided by it. ReLU, max and average pooling and a spatial mean commute with a positive per-channel scale, so
 * the float model computes the same function (exactly, up to float rounding).
 *
 * <p>Each channel is scaled to the tensor's widest range, so every channel gets all 256 levels. The consumer's
 * weights are quantized per output channel (a depthwise convolution's per channel), so dividing the columns that
 * read a narrow channel costs a 1x1 convolution or a fully connected layer little: on our compact emotion net this
 * rule agreed with the float model more often than Nagel's balance of activation and weight ranges for such
 * readers (s<sub>c</sub> = sqrt(w<sub>c</sub> / a<sub>c</sub>)): 99.11 / 99.02% against 98.80 / 98.77% of
 * PublicTest / PrivateTest, first convolution and logits kept float (models/trained/emotion-compact.md).
 *
 * <p>The scales do not interact: each pair's consumer undoes its own scale, so every other tensor keeps its values
 * and one calibration pass measures all of them.
 */
public final class ChannelEqualization {
    /** One producer, the single-consumer chain of channel-preserving operators after it, and the consumer. */
    record Pair(int producer, int head, int consumer, int channels) {
    }

    /** A channel whose range is below this fraction of the tensor's widest is left alone. */
    private static final float DEAD = 1e-6f;

    private ChannelEqualization() {
    }

    /** The same function with equalized channel ranges; the graph itself is unchanged. */
    public static FloatGraph equalize(FloatGraph graph, List<CalibrationSample> samples) {
        List<Pair> pairs = pairs(graph);
        if (pairs.isEmpty()) {
            return graph;
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("equalization needs at least one calibration sample");
        }
        float[][] ranges = channelRanges(graph, pairs, samples);
        FloatGraph g = graph;
        for (int i = 0; i < pairs.size(); i++) {
            g = apply(g, pairs.get(i), scales(ranges[i]));
        }
        return g;
    }

    /** Every producer-consumer pair whose channels can be rescaled without changing the function. */
    static List<Pair> pairs(FloatGraph graph) {
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < graph.ops.size(); p++) {
            FloatGraph.Op op = graph.ops.get(p);
            if (!rescalableProducer(graph, op)) {
                continue;
            }
            int head = op.outputs()[0];
            int t = head;
            while (!graph.isGraphOutput(t)) {
                List<Integer> readers = readers(graph, t);
                if (readers.size() != 1) {
                    break;
                }
                int c = readers.get(0);
                FloatGraph.Op next = graph.ops.get(c);
                if (next.inputs()[0] != t) {
                    break;
                }
                if (channelPreserving(graph, next)) {
                    t = next.outputs()[0];
                    continue;
                }
                int channels = lastDim(graph, head);
                if (rescalableConsumer(graph, next, channels)) {
                    pairs.add(new Pair(p, head, c, channels));
                }
                break;
            }
        }
        return pairs;
    }

    private static boolean rescalableProducer(FloatGraph graph, FloatGraph.Op op) {
        int code = op.code();
        if (code != BuiltinOperator.CONV_2D && code != BuiltinOperator.DEPTHWISE_CONV_2D) {
            return false;
        }
        int act = FloatGraph.fusedActivation(op);
        int[] in = op.inputs();
        return (act == ActivationFunctionType.NONE || act == ActivationFunctionType.RELU)
                && op.outputs().length == 1 && ownConstant(graph, in[1])
                && (in.length < 3 || in[2] < 0 || ownConstant(graph, in[2]));
    }

    /** Operators through which a positive per-channel scale passes unchanged (channels stay last). */
    private static boolean channelPreserving(FloatGraph graph, FloatGraph.Op op) {
        int code = op.code();
        if (code == BuiltinOperator.MAX_POOL_2D || code == BuiltinOperator.AVERAGE_POOL_2D) {
            int act = FloatGraph.fusedActivation(op);
            return act == ActivationFunctionType.NONE || act == ActivationFunctionType.RELU;
        }
        if (code == BuiltinOperator.MEAN && op.inputs().length == 2) {
            int axes = op.inputs()[1];
            int rank = graph.tensors.get(op.inputs()[0]).shape().length;
            int[] reduced = graph.tensors.get(axes).constant() ? graph.ints(axes) : new int[] {-1};
            return Arrays.stream(reduced).noneMatch(a -> a == -1 || a == rank - 1);
        }
        return false;
    }

    private static boolean rescalableConsumer(FloatGraph graph, FloatGraph.Op op, int channels) {
        int[] in = op.inputs();
        if (in.length < 2 || !ownConstant(graph, in[1])) {
            return false;
        }
        int[] w = graph.tensors.get(in[1]).shape();
        return switch (op.code()) {
            case BuiltinOperator.CONV_2D -> w.length == 4 && w[3] == channels;
            case BuiltinOperator.DEPTHWISE_CONV_2D -> w.length == 4 && w[3] % channels == 0;
            case BuiltinOperator.FULLY_CONNECTED -> w.length == 2 && w[1] == channels;
            default -> false;
        };
    }

    /** A float32 constant that only this one operator reads (changing it changes nobody else). */
    private static boolean ownConstant(FloatGraph graph, int t) {
        if (t < 0 || !graph.tensors.get(t).constant()
                || graph.tensors.get(t).type() != TensorType.FLOAT32) {
            return false;
        }
        return graph.ops.stream().filter(o -> Arrays.stream(o.inputs()).anyMatch(i -> i == t)).count() == 1;
    }

    private static List<Integer> readers(FloatGraph graph, int t) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < graph.ops.size(); i++) {
            if (Arrays.stream(graph.ops.get(i).inputs()).anyMatch(x -> x == t)) {
                r.add(i);
            }
        }
        return r;
    }

    private static int lastDim(FloatGraph graph, int t) {
        int[] s = graph.tensors.get(t).shape();
        return s[s.length - 1];
    }

    /** The largest |value| each channel of each pair's head tensor takes over the samples, in the interpreter. */
    private static float[][] channelRanges(FloatGraph graph, List<Pair> pairs, List<CalibrationSample> samples) {
        float[][] ranges = new float[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            ranges[i] = new float[pairs.get(i).channels()];
        }
        try (TfliteRunner runner = new TfliteRunner(graph.write(true))) {
            for (CalibrationSample sample : samples) {
                runner.run(sample);
                for (int i = 0; i < pairs.size(); i++) {
                    float[] v = runner.floats(pairs.get(i).head());
                    float[] r = ranges[i];
                    for (int j = 0; j < v.length; j++) {
                        int c = j % r.length;
                        r[c] = Math.max(r[c], Math.abs(v[j]));
                    }
                }
            }
        }
        return ranges;
    }

    /**
     * Each channel scaled to the tensor's widest range. A channel that (nearly) never fires keeps its scale: it
     * carries nothing to spread, and a huge factor would only blow its producer's weights up.
     */
    static float[] scales(float[] activation) {
        float widest = 0;
        for (float a : activation) {
            widest = Math.max(widest, a);
        }
        float[] s = new float[activation.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = activation[c] > widest * DEAD ? widest / activation[c] : 1f;
        }
        return s;
    }

    /** Producer's output channel c (and bias) times s[c]; the consumer's weights reading channel c divided by it. */
    static FloatGraph apply(FloatGraph graph, Pair pair, float[] s) {
        FloatGraph.Op producer = graph.ops.get(pair.producer());
        FloatGraph.Op consumer = graph.ops.get(pair.consumer());
        int n = pair.channels();
        int pw = producer.inputs()[1];
        float[] pWeights = graph.floats(pw);
        int[] pShape = graph.tensors.get(pw).shape();
        if (producer.code() == BuiltinOperator.CONV_2D) { // OHWI: output channel first
            int inner = pWeights.length / pShape[0];
            for (int i = 0; i < pWeights.length; i++) {
                pWeights[i] *= s[i / inner];
            }
        } else { // depthwise [1, H, W, C]: output channel last
            for (int i = 0; i < pWeights.length; i++) {
                pWeights[i] *= s[i % n];
            }
        }
        FloatGraph g = graph.withConstant(pw, pWeights);
        if (producer.inputs().length > 2 && producer.inputs()[2] >= 0) {
            int pb = producer.inputs()[2];
            float[] bias = g.floats(pb);
            for (int c = 0; c < n; c++) {
                bias[c] *= s[c];
            }
            g = g.withConstant(pb, bias);
        }
        int cw = consumer.inputs()[1];
        float[] cWeights = g.floats(cw);
        int last = g.tensors.get(cw).shape()[g.tensors.get(cw).shape().length - 1];
        int multiplier = last / n; // depthwise outputs c*m .. c*m+m-1 read input c; otherwise 1
        for (int i = 0; i < cWeights.length; i++) {
            cWeights[i] /= s[(i % last) / multiplier];
        }
        return g.withConstant(cw, cWeights);
    }
}
