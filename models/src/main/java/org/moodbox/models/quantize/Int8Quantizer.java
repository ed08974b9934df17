package org.moodbox.models.quantize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moodbox.models.tflite.Quantization;
import org.moodbox.models.tflite.TfliteModelBuilder;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.TensorType;

/**
 * Post-training int8 quantization of a float32 TFLite model, our own (no TensorFlow converter on the box or
 * in the build):
 * <ul>
 *   <li>weights int8, symmetric, one scale per output channel; biases int32 at input scale x weight scale;</li>
 *   <li>activations int8, asymmetric, per tensor, from the ranges the float model reaches on calibration
 *       samples run in the TFLite interpreter itself (the oracle, not a re-implementation of the ops);</li>
 *   <li>the graph's inputs and outputs stay float32: QUANTIZE after the inputs, DEQUANTIZE before the
 *       outputs, so callers feed and read floats exactly as with the float model;</li>
 *   <li>operators without a faithful int8 kernel here (softmax, exp, div, reductions but mean) stay float,
 *       with DEQUANTIZE/QUANTIZE around them. Softmax stays float on purpose: an int8 softmax has a 1/256
 *       output step, which turns close second guesses into ties;</li>
 *   <li>PReLU stays float too: TensorFlow's decomposed PReLU (six operators) is fused into one PRELU first,
 *       and XNNPACK (TFLite 2.20, x86 and arm64 alike) runs PRELU only in float. An int8 PRELU left the delegate
 *       for a reference kernel at every PReLU and made the int8 MTCNN three times slower than float
 *       (62 vs 19 ms a frame); with float PReLUs between int8 convolutions the whole graph stays delegated.</li>
 * </ul>
 *
 * <p>Usage: {@code byte[] int8 = Int8Quantizer.quantize(floatTflite, samples)}, where each
 * {@link CalibrationSample} holds the model's input(s) preprocessed exactly as at run time (same scaling,
 * same layout). A few dozen representative inputs are enough; the same inputs give the same bytes.
 */
public final class Int8Quantizer {
    /** Operators whose int8 output must carry the input's parameters (the kernels do not rescale). */
    private static final Set<Integer> SAME_PARAMS = Set.of(BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D,
            BuiltinOperator.RESHAPE);
    /** Operator versions that declare int8 (per-channel) support, as TensorFlow's converter writes them. */
    private static final Map<Integer, Integer> INT8_VERSIONS = Map.of(BuiltinOperator.CONV_2D, 3,
            BuiltinOperator.DEPTHWISE_CONV_2D, 3, BuiltinOperator.FULLY_CONNECTED, 4, BuiltinOperator.MAX_POOL_2D, 2,
            BuiltinOperator.AVERAGE_POOL_2D, 2, BuiltinOperator.ADD, 2, BuiltinOperator.MEAN, 2,
            BuiltinOperator.RELU, 2, BuiltinOperator.RESHAPE, 1);
    private static final int QUANTIZE_VERSION = 2;
    private static final int DEQUANTIZE_VERSION = 2;

    private final FloatGraph graph;
    private final ActivationRanges ranges;
    private final TfliteModelBuilder out;
    /** Original tensor index to the new float tensor / int8 tensor holding its value (-1: none yet). */
    private final int[] floatIndex;
    private final int[] int8Index;
    private final AffineParams[] params;
    private final Map<Integer, Integer> copiedConstants = new HashMap<>();
    private final Set<String> keepFloat;

    private Int8Quantizer(FloatGraph graph, ActivationRanges ranges, Set<String> keepFloat) {
        this.keepFloat = keepFloat;
        this.graph = graph;
        this.ranges = ranges;
        this.out = new TfliteModelBuilder("int8 by Moodbox Int8Quantizer" + (graph.description.isEmpty() ? ""
                : " from: " + graph.description));
        int n = graph.tensors.size();
        this.floatIndex = new int[n];
        this.int8Index = new int[n];
        this.params = new AffineParams[n];
        Arrays.fill(floatIndex, -1);
        Arrays.fill(int8Index, -1);
    }

    /**
     * @param floatModel  a float32 TFLite flatbuffer (one subgraph)
     * @param calibration inputs preprocessed as at run time; their shapes may differ from the model's declared
     *                    input shape (a fully convolutional net is calibrated at the sizes it will run at)
     * @return the int8 model's flatbuffer bytes, same inputs and outputs (float32) as the float model
     * @throws UnsupportedModelException when the model has something the quantizer does not handle
     */
    public static byte[] quantize(byte[] floatModel, List<CalibrationSample> calibration) {
        return quantize(floatModel, calibration, Set.of());
    }

    /**
     * As {@link #quantize(byte[], List)}, but the operators that compute the tensors named in {@code keepFloat}
     * stay float32: mixed precision for layers whose int8 error costs more than their speed gains.
     */
    public static byte[] quantize(byte[] floatModel, List<CalibrationSample> calibration, Set<String> keepFloat) {
        return quantize(floatModel, calibration, keepFloat, false);
    }

    /**
     * As {@link #quantize(byte[], List, Set)}; with {@code equalize}, channel ranges are first equalized across
     * layers ({@link ChannelEqualization}: the same float function, activations that use their int8 levels
     * better).
     */
    public static byte[] quantize(byte[] floatModel, List<CalibrationSample> calibration, Set<String> keepFloat,
            boolean equalize) {
        FloatGraph graph = FloatGraph.read(floatModel).fusePrelu();
        if (equalize) {
            graph = ChannelEqualization.equalize(graph, calibration);
        }
        ActivationRanges ranges = ActivationRanges.calibrate(graph, calibration);
        return new Int8Quantizer(graph, ranges, Set.copyOf(keepFloat)).run();
    }

    /** The names of the tensors the model's operators compute, in execution order (for {@code keepFloat}). */
    public static List<String> operatorOutputs(byte[] floatModel) {
        FloatGraph graph = FloatGraph.read(floatModel).fusePrelu();
        return graph.ops.stream().map(op -> graph.tensors.get(op.outputs()[0]).name()).toList();
    }

    /** The float model with TensorFlow's decomposed PReLU fused into PRELU, otherwise unchanged. */
    public static byte[] fusePrelu(byte[] floatModel) {
        return FloatGraph.read(floatModel).fusePrelu().write(false);
    }

    private byte[] run() {
        for (int input : graph.inputs) {
            FloatGraph.Tensor t = graph.tensors.get(input);
            floatIndex[input] = out.activation(t.name(), t.shape(), TensorType.FLOAT32, null);
        }
        for (FloatGraph.Op op : graph.ops) {
            if (int8Capable(op)) {
                emitInt8(op);
            } else {
                emitFloat(op);
            }
        }
        int[] outputs = Arrays.stream(graph.outputs).map(this::floatOf).toArray();
        int[] inputs = Arrays.stream(graph.inputs).map(i -> floatIndex[i]).toArray();
        return out.inputs(inputs).outputs(outputs).build();
    }

    private boolean int8Capable(FloatGraph.Op op) {
        int[] in = op.inputs();
        if (op.outputs().length != 1 || !ranges.seen(op.outputs()[0])
                || keepFloat.contains(graph.tensors.get(op.outputs()[0]).name())) {
            return false;
        }
        return switch (op.code()) {
            case BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOperator.FULLY_CONNECTED ->
                    activation(in[0]) && floatConstant(in[1]) && (in.length < 3 || in[2] < 0 || floatConstant(in[2]))
                            && simpleActivation(op);
            case BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.RELU ->
                    activation(in[0]) && simpleActivation(op);
            case BuiltinOperator.RESHAPE -> activation(in[0]) && (in.length < 2 || in[1] < 0 || int32Constant(in[1]));
            case BuiltinOperator.MEAN -> activation(in[0]) && int32Constant(in[1]);
            case BuiltinOperator.ADD -> activation(in[0]) && activation(in[1]) && simpleActivation(op);
            default -> false;
        };
    }

    private boolean activation(int t) {
        return t >= 0 && !graph.tensors.get(t).constant() && graph.tensors.get(t).type() == TensorType.FLOAT32
                && ranges.seen(t);
    }

    private boolean floatConstant(int t) {
        return t >= 0 && graph.tensors.get(t).constant() && graph.tensors.get(t).type() == TensorType.FLOAT32;
    }

    private boolean int32Constant(int t) {
        return t >= 0 && graph.tensors.get(t).constant() && graph.tensors.get(t).type() == TensorType.INT32;
    }

    private static boolean simpleActivation(FloatGraph.Op op) {
        int a = FloatGraph.fusedActivation(op);
        return a == ActivationFunctionType.NONE || a == ActivationFunctionType.RELU
                || a == ActivationFunctionType.RELU6 || a == ActivationFunctionType.RELU_N1_TO_1;
    }

    private void emitInt8(FloatGraph.Op op) {
        int[] in = op.inputs();
        int[] newInputs = new int[in.length];
        int x = in[0];
        newInputs[0] = int8Of(x);
        int y = op.outputs()[0];
        AffineParams outParams = SAME_PARAMS.contains(op.code()) ? params[x]
                : AffineParams.ofRange(ranges.min(y), ranges.max(y));
        switch (op.code()) {
            case BuiltinOperator.CONV_2D, BuiltinOperator.FULLY_CONNECTED -> weights(op, newInputs, 0);
            case BuiltinOperator.DEPTHWISE_CONV_2D -> weights(op, newInputs, 3);
            case BuiltinOperator.ADD -> newInputs[1] = int8Of(in[1]);
            default -> {
                for (int i = 1; i < in.length; i++) {
                    newInputs[i] = in[i] < 0 ? -1 : copyConstant(in[i]);
                }
            }
        }
        FloatGraph.Tensor t = graph.tensors.get(y);
        String name = graph.isGraphOutput(y) ? t.name() + "/int8" : t.name();
        int8Index[y] = out.activation(name, t.shape(), TensorType.INT8, perTensor(outParams));
        params[y] = outParams;
        out.operator(op.code(), INT8_VERSIONS.getOrDefault(op.code(), op.version()), newInputs,
                new int[] {int8Index[y]}, op.options());
    }

    /** Per-channel symmetric int8 weights along {@code axis}, and the int32 bias they imply. */
    private void weights(FloatGraph.Op op, int[] newInputs, int axis) {
        int w = op.inputs()[1];
        FloatGraph.Tensor wt = graph.tensors.get(w);
        int[] shape = wt.shape();
        if (axis >= shape.length) {
            throw new UnsupportedModelException("weights '" + wt.name() + "' of shape " + Arrays.toString(shape)
                    + " have no axis " + axis);
        }
        float[] values = graph.floats(w);
        int channels = shape[axis];
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        float[] maxAbs = new float[channels];
        for (int i = 0; i < values.length; i++) {
            int c = (i / inner) % channels;
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(values[i]));
        }
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = maxAbs[c] > 0 ? maxAbs[c] / 127f : 1f;
        }
        byte[] q = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int c = (i / inner) % channels;
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(values[i] / scales[c])));
        }
        newInputs[1] = out.int8Constant(wt.name(), shape, q, Quantization.perChannel(scales, axis));

        int[] in = op.inputs();
        if (in.length < 3 || in[2] < 0) {
            if (newInputs.length > 2) {
                newInputs[2] = -1;
            }
            return;
        }
        float inputScale = params[in[0]].scale();
        float[] bias = graph.floats(in[2]);
        if (bias.length != channels) {
            throw new UnsupportedModelException("bias '" + graph.tensors.get(in[2]).name() + "' has " + bias.length
                    + " values for " + channels + " output channels");
        }
        float[] biasScales = new float[channels];
        int[] qb = new int[channels];
        for (int c = 0; c < channels; c++) {
            biasScales[c] = inputScale * scales[c];
            qb[c] = (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, Math.round(bias[c] / (double) biasScales[c])));
        }
        ByteBuffer bytes = ByteBuffer.allocate(channels * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(qb);
        newInputs[2] = out.constant(graph.tensors.get(in[2]).name(), new int[] {channels}, TensorType.INT32,
                bytes.array(), Quantization.perChannel(biasScales, 0));
    }

    private void emitFloat(FloatGraph.Op op) {
        int[] newInputs = new int[op.inputs().length];
        for (int i = 0; i < newInputs.length; i++) {
            int t = op.inputs()[i];
            if (t < 0) {
                newInputs[i] = -1;
            } else if (graph.tensors.get(t).constant()) {
                newInputs[i] = copyConstant(t);
            } else {
                newInputs[i] = floatOf(t);
            }
        }
        int[] newOutputs = new int[op.outputs().length];
        for (int i = 0; i < newOutputs.length; i++) {
            int t = op.outputs()[i];
            FloatGraph.Tensor tensor = graph.tensors.get(t);
            floatIndex[t] = out.activation(tensor.name(), tensor.shape(), tensor.type(), null);
            newOutputs[i] = floatIndex[t];
        }
        out.operator(op.code(), op.version(), newInputs, newOutputs, op.options());
    }

    /** The int8 version of activation {@code t}, adding a QUANTIZE after its float producer if needed. */
    private int int8Of(int t) {
        if (int8Index[t] >= 0) {
            return int8Index[t];
        }
        AffineParams p = AffineParams.ofRange(ranges.min(t), ranges.max(t));
        FloatGraph.Tensor tensor = graph.tensors.get(t);
        int8Index[t] = out.activation(tensor.name() + "/int8", tensor.shape(), TensorType.INT8, perTensor(p));
        params[t] = p;
        out.operator(BuiltinOperator.QUANTIZE, QUANTIZE_VERSION, new int[] {floatIndex[t]}, new int[] {int8Index[t]},
                null);
        return int8Index[t];
    }

    /** The float version of activation {@code t}, adding a DEQUANTIZE after its int8 producer if needed. */
    private int floatOf(int t) {
        if (floatIndex[t] >= 0) {
            return floatIndex[t];
        }
        if (int8Index[t] < 0) {
            throw new IllegalStateException("tensor '" + graph.tensors.get(t).name() + "' is used before it is computed");
        }
        FloatGraph.Tensor tensor = graph.tensors.get(t);
        floatIndex[t] = out.activation(tensor.name(), tensor.shape(), TensorType.FLOAT32, null);
        out.operator(BuiltinOperator.DEQUANTIZE, DEQUANTIZE_VERSION, new int[] {int8Index[t]}, new int[] {floatIndex[t]},
                null);
        return floatIndex[t];
    }

    private int copyConstant(int t) {
        return copiedConstants.computeIfAbsent(t, k -> {
            FloatGraph.Tensor c = graph.tensors.get(k);
            return out.constant(c.name(), c.shape(), c.type(), c.data(), null);
        });
    }

    private static Quantization perTensor(AffineParams p) {
        return Quantization.perTensor(p.scale(), p.zeroPoint());
    }
}
