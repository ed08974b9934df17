package org.moodbox.models.tfjs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.models.tflite.TfliteModelBuilder;
import org.moodbox.models.tflite.TfliteOptions;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Padding;

/**
 * Converts a float32 TF.js graph model of a plain NHWC CNN into a TFLite model, op by op: _FusedConv2D to
 * CONV_2D with fused activation, DepthwiseConv2dNative to DEPTHWISE_CONV_2D, MaxPool, AddV2, Relu, Mean,
 * Softmax; Identity disappears. An unknown batch size becomes 1 (the appliance classifies one crop at a
 * time; the interpreter can resize it). Anything else is refused with the node's name.
 *
 * <p>{@code main}: {@code MODEL.json WEIGHTS.bin OUTPUT.tflite}.
 */
public final class TfjsToTflite {
    private final TfjsGraphModel model;
    private final TfliteModelBuilder out;
    /** TF.js node name to the TFLite tensor holding its (first) output. */
    private final Map<String, Integer> tensorOf = new HashMap<>();

    private TfjsToTflite(TfjsGraphModel model, String description) {
        this.model = model;
        this.out = new TfliteModelBuilder(description);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: TfjsToTflite MODEL.json WEIGHTS.bin OUTPUT.tflite");
        }
        Files.write(Path.of(args[2]), convert(Path.of(args[0]), Path.of(args[1])));
    }

    public static byte[] convert(Path modelJson, Path weights) {
        TfjsGraphModel model = TfjsGraphModel.read(modelJson, List.of(weights));
        return new TfjsToTflite(model, "converted by Moodbox TfjsToTflite from " + modelJson.getFileName()).run();
    }

    private byte[] run() {
        int[] inputs = new int[0];
        for (TfjsNode node : model.executionOrder()) {
            switch (node.op()) {
                case "Const" -> { } // read where used: the layout depends on the consumer
                case "Placeholder" -> {
                    int[] shape = node.shape();
                    if (shape.length > 0 && shape[0] < 0) {
                        shape[0] = 1;
                    }
                    int input = out.floatActivation(node.name(), shape);
                    tensorOf.put(node.name(), input);
                    inputs = append(inputs, input);
                }
                case "Identity" -> tensorOf.put(node.name(), input(node, 0));
                case "_FusedConv2D" -> conv2d(node);
                case "Conv2D" -> conv2d(node);
                case "DepthwiseConv2dNative" -> depthwise(node);
                case "MaxPool" -> maxPool(node);
                case "AddV2", "Add" -> add(node);
                case "Relu" -> unary(node, BuiltinOperator.RELU);
                case "Softmax" -> softmax(node);
                case "Mean" -> mean(node);
                default -> throw node.unsupported("op not supported by the converter");
            }
        }
        int[] outputs = model.outputNames().stream().mapToInt(this::tensor).toArray();
        return out.inputs(inputs).outputs(outputs).build();
    }

    private void conv2d(TfjsNode node) {
        checkNhwc(node);
        byte activation = ActivationFunctionType.NONE;
        boolean hasBias = false;
        if (node.op().equals("_FusedConv2D")) {
            List<String> fused = node.strings("fused_ops");
            if (fused.isEmpty() || !fused.get(0).equals("BiasAdd") || fused.size() > 2) {
                throw node.unsupported("fused_ops " + fused + " (supported: BiasAdd, BiasAdd+Relu, BiasAdd+Relu6)");
            }
            hasBias = true;
            if (fused.size() == 2) {
                activation = activation(node, fused.get(1));
            }
        }
        TfjsWeight filter = constant(node, 1);
        int[] hwio = filter.shape();
        int kh = hwio[0], kw = hwio[1], in = hwio[2], outChannels = hwio[3];
        float[] bias = hasBias ? constant(node, 2).requireFloats() : new float[outChannels];
        if (bias.length != outChannels) {
            throw node.unsupported("bias has " + bias.length + " values for " + outChannels + " filters");
        }
        int[] strides = node.ints("strides");
        int[] dilations = node.has("dilations") ? node.ints("dilations") : new int[] {1, 1, 1, 1};
        byte padding = padding(node);

        int x = input(node, 0);
        int w = out.floatConstant(node.name() + "/filter", new int[] {outChannels, kh, kw, in},
                WeightLayouts.hwioToOhwi(filter.requireFloats(), kh, kw, in, outChannels));
        int b = out.floatConstant(node.name() + "/bias", new int[] {outChannels}, bias);
        int[] shape = windowedShape(node, out.shapeOf(x), kh, kw, strides, dilations, padding, outChannels);
        int y = produce(node, shape);
        out.operator(BuiltinOperator.CONV_2D, new int[] {x, w, b}, new int[] {y},
                TfliteOptions.conv2d(padding, strides[1], strides[2], dilations[1], dilations[2], activation));
    }

    private void depthwise(TfjsNode node) {
        checkNhwc(node);
        TfjsWeight filter = constant(node, 1);
        int kh = filter.shape()[0], kw = filter.shape()[1], channels = filter.shape()[2];
        int multiplier = filter.shape()[3];
        int outChannels = channels * multiplier;
        int[] strides = node.ints("strides");
        int[] dilations = node.has("dilations") ? node.ints("dilations") : new int[] {1, 1, 1, 1};
        byte padding = padding(node);

        int x = input(node, 0);
        int w = out.floatConstant(node.name() + "/filter", new int[] {1, kh, kw, outChannels},
                WeightLayouts.depthwiseToTflite(filter.requireFloats()));
        // TFLite's depthwise kernel takes a bias input; TF's op has none, so it adds zeros.
        int b = out.floatConstant(node.name() + "/bias", new int[] {outChannels}, new float[outChannels]);
        int[] shape = windowedShape(node, out.shapeOf(x), kh, kw, strides, dilations, padding, outChannels);
        int y = produce(node, shape);
        out.operator(BuiltinOperator.DEPTHWISE_CONV_2D, new int[] {x, w, b}, new int[] {y},
                TfliteOptions.depthwiseConv2d(padding, strides[1], strides[2], dilations[1], dilations[2],
                        multiplier, ActivationFunctionType.NONE));
    }

    private void maxPool(TfjsNode node) {
        checkNhwc(node);
        int[] ksize = node.ints("ksize");
        int[] strides = node.ints("strides");
        byte padding = padding(node);
        int x = input(node, 0);
        int[] inShape = out.shapeOf(x);
        int[] shape = windowedShape(node, inShape, ksize[1], ksize[2], strides, new int[] {1, 1, 1, 1}, padding,
                inShape[3]);
        int y = produce(node, shape);
        out.operator(BuiltinOperator.MAX_POOL_2D, new int[] {x}, new int[] {y},
                TfliteOptions.pool2d(padding, ksize[1], ksize[2], strides[1], strides[2], ActivationFunctionType.NONE));
    }

    private void add(TfjsNode node) {
        int a = input(node, 0);
        int b = input(node, 1);
        int y = produce(node, broadcast(node, out.shapeOf(a), out.shapeOf(b)));
        out.operator(BuiltinOperator.ADD, new int[] {a, b}, new int[] {y}, TfliteOptions.add(ActivationFunctionType.NONE));
    }

    private void unary(TfjsNode node, int builtin) {
        int x = input(node, 0);
        int y = produce(node, out.shapeOf(x));
        out.operator(builtin, new int[] {x}, new int[] {y}, null);
    }

    private void softmax(TfjsNode node) {
        int x = input(node, 0);
        int y = produce(node, out.shapeOf(x));
        out.operator(BuiltinOperator.SOFTMAX, new int[] {x}, new int[] {y}, TfliteOptions.softmax(1f));
    }

    private void mean(TfjsNode node) {
        int x = input(node, 0);
        int[] inShape = out.shapeOf(x);
        int[] axes = constant(node, 1).requireInts().clone();
        boolean keepDims = node.bool("keep_dims", false);
        boolean[] reduced = new boolean[inShape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = axes[i] < 0 ? axes[i] + inShape.length : axes[i];
            reduced[axes[i]] = true;
        }
        int[] shape = new int[0];
        for (int d = 0; d < inShape.length; d++) {
            if (!reduced[d]) {
                shape = append(shape, inShape[d]);
            } else if (keepDims) {
                shape = append(shape, 1);
            }
        }
        int axisTensor = out.int32Constant(node.name() + "/axes", new int[] {axes.length}, axes);
        int y = produce(node, shape);
        out.operator(BuiltinOperator.MEAN, new int[] {x, axisTensor}, new int[] {y}, TfliteOptions.reducer(keepDims));
    }

    private int produce(TfjsNode node, int[] shape) {
        int tensor = out.floatActivation(node.name(), shape);
        tensorOf.put(node.name(), tensor);
        return tensor;
    }

    private int input(TfjsNode node, int index) {
        return tensor(node.inputs().get(index));
    }

    private int tensor(String nodeName) {
        Integer tensor = tensorOf.get(nodeName);
        if (tensor == null) {
            TfjsNode source = model.node(nodeName);
            throw source.unsupported("is used as an activation but has no converted output"
                    + (source.op().equals("Const") ? " (constant activations are not supported)" : ""));
        }
        return tensor;
    }

    private TfjsWeight constant(TfjsNode node, int index) {
        TfjsNode source = model.node(node.inputs().get(index));
        if (!source.op().equals("Const")) {
            throw node.unsupported("input " + index + " must be a constant, is " + source.op());
        }
        return model.weight(source.name());
    }

    private static byte activation(TfjsNode node, String fused) {
        return switch (fused) {
            case "Relu" -> ActivationFunctionType.RELU;
            case "Relu6" -> ActivationFunctionType.RELU6;
            default -> throw node.unsupported("fused activation " + fused);
        };
    }

    private static byte padding(TfjsNode node) {
        String padding = node.string("padding");
        return switch (padding) {
            case "SAME" -> Padding.SAME;
            case "VALID" -> Padding.VALID;
            default -> throw node.unsupported("padding " + padding + " (only SAME and VALID)");
        };
    }

    private static void checkNhwc(TfjsNode node) {
        if (node.has("data_format") && !node.string("data_format").equals("NHWC")) {
            throw node.unsupported("data_format " + node.string("data_format") + " (only NHWC)");
        }
    }

    /** Output shape of a convolution or pooling window, by TensorFlow's SAME/VALID rules. */
    private static int[] windowedShape(TfjsNode node, int[] in, int kh, int kw, int[] strides, int[] dilations,
                                       byte padding, int channels) {
        if (in.length != 4) {
            throw node.unsupported("input rank " + in.length + " (expected NHWC)");
        }
        return new int[] {in[0],
                outputSize(in[1], kh, strides[1], dilations[1], padding),
                outputSize(in[2], kw, strides[2], dilations[2], padding),
                channels};
    }

    private static int outputSize(int in, int kernel, int stride, int dilation, byte padding) {
        int effective = (kernel - 1) * dilation + 1;
        return padding == Padding.SAME ? (in + stride - 1) / stride : (in - effective + stride) / stride;
    }

    private static int[] broadcast(TfjsNode node, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw node.unsupported("cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b));
            }
            shape[i] = Math.max(da, db);
        }
        return shape;
    }

    private static int[] append(int[] values, int value) {
        int[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }
}
