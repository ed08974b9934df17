package org.moodbox.lab.export;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.moodbox.lab.net.DcnnBlocks;
import org.moodbox.lab.net.DcnnLayout;
import org.moodbox.models.tflite.TfliteModelBuilder;
import org.moodbox.models.tflite.TfliteOptions;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.Padding;

/**
 * Writes a trained DCNN as a float32 TFLite model with our own flatbuffer writer: input [1, side, side, 1]
 * (NHWC, grey already scaled to [-1, 1]), output softmax [1, classes] in FER-2013 order. Batch norm is folded
 * into each convolution (w' = w * g / sqrt(var + eps), b' = beta - mean * g / sqrt(var + eps)), so the graph
 * is CONV_2D (+ReLU) and MAX_POOL_2D per stage, then MEAN, FULLY_CONNECTED and SOFTMAX. A separable
 * convolution is DEPTHWISE_CONV_2D then a 1x1 CONV_2D (+ReLU) with the batch norm folded into it. Dropout is an
 * identity at inference and is left out.
 */
public final class DcnnTfliteExport {
    private DcnnTfliteExport() {
    }

    public static byte[] floatModel(SequentialBlock net, DcnnLayout layout, String description) {
        List<Block> children = net.getChildren().values();
        List<DcnnLayout.Layer> layers = layout.layers();
        if (children.size() != layers.size()) {
            throw new IllegalArgumentException("the network has " + children.size() + " blocks, its layout "
                    + layers.size() + ": not the same network");
        }
        TfliteModelBuilder out = new TfliteModelBuilder(description);
        int side = layout.side();
        int channels = 1;
        int x = out.floatActivation("input", 1, side, side, 1);
        int input = x;
        for (int i = 0; i < layers.size(); i++) {
            DcnnLayout.Layer layer = layers.get(i);
            Block block = children.get(i);
            String name = "layer" + i;
            if (layer instanceof DcnnLayout.ConvBnRelu c) {
                FoldedConv folded = FoldedConv.of(block, DcnnBlocks.BATCH_NORM_EPSILON);
                if (folded.in() != channels || folded.out() != c.outChannels()) {
                    throw new IllegalArgumentException(name + ": weights are " + folded.out() + "x" + folded.in()
                            + ", the layout says " + c.outChannels() + "x" + channels);
                }
                int w = out.floatConstant(name + "/weights", new int[] {folded.out(), 3, 3, folded.in()},
                        folded.ohwiWeights());
                int b = out.floatConstant(name + "/bias", new int[] {folded.out()}, folded.bias());
                int y = out.floatActivation(name + "/relu", 1, side, side, folded.out());
                out.operator(BuiltinOperator.CONV_2D, new int[] {x, w, b}, new int[] {y},
                        TfliteOptions.conv2d(Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.RELU));
                x = y;
                channels = folded.out();
            } else if (layer instanceof DcnnLayout.SeparableConvBnRelu c) {
                FoldedSeparableConv folded = FoldedSeparableConv.of(block, DcnnBlocks.BATCH_NORM_EPSILON);
                if (folded.in() != channels || folded.out() != c.outChannels()) {
                    throw new IllegalArgumentException(name + ": weights are " + folded.out() + "x" + folded.in()
                            + ", the layout says " + c.outChannels() + "x" + channels);
                }
                x = separable(out, name, x, side, folded);
                channels = folded.out();
            } else if (layer instanceof DcnnLayout.MaxPool) {
                side /= 2;
                int y = out.floatActivation(name + "/maxpool", 1, side, side, channels);
                out.operator(BuiltinOperator.MAX_POOL_2D, new int[] {x}, new int[] {y},
                        TfliteOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE));
                x = y;
            } else if (layer instanceof DcnnLayout.GlobalAveragePool) {
                int axes = out.int32Constant(name + "/axes", new int[] {2}, new int[] {1, 2});
                int y = out.floatActivation(name + "/mean", 1, channels);
                out.operator(BuiltinOperator.MEAN, new int[] {x, axes}, new int[] {y}, TfliteOptions.reducer(false));
                x = y;
            } else if (layer instanceof DcnnLayout.Dropout || layer instanceof DcnnLayout.SpatialDropout) {
                continue; // identity at inference
            } else if (layer instanceof DcnnLayout.Dense d) {
                float[] weights = parameter(block, "weight").toFloatArray(); // [out, in], as TFLite wants
                float[] bias = parameter(block, "bias").toFloatArray();
                if (weights.length != d.in() * d.out() || d.in() != channels) {
                    throw new IllegalArgumentException(name + ": dense weights do not fit " + d.out() + "x" + channels);
                }
                int w = out.floatConstant(name + "/weights", new int[] {d.out(), d.in()}, weights);
                int b = out.floatConstant(name + "/bias", new int[] {d.out()}, bias);
                int logits = out.floatActivation(name + "/logits", 1, d.out());
                out.operator(BuiltinOperator.FULLY_CONNECTED, new int[] {x, w, b}, new int[] {logits}, fullyConnected());
                int probabilities = out.floatActivation("probabilities", 1, d.out());
                out.operator(BuiltinOperator.SOFTMAX, new int[] {logits}, new int[] {probabilities},
                        TfliteOptions.softmax(1f));
                x = probabilities;
                channels = d.out();
            }
        }
        return out.inputs(input).outputs(x).build();
    }

    /**
     * DEPTHWISE_CONV_2D (no bias of its own: a zero one, as TFLite wants three inputs) then a 1x1 CONV_2D with the
     * folded batch norm and ReLU; a one-channel input becomes a single 3x3 CONV_2D (the same function).
     */
    private static int separable(TfliteModelBuilder out, String name, int x, int side, FoldedSeparableConv folded) {
        int y = out.floatActivation(name + "/relu", 1, side, side, folded.out());
        int b = out.floatConstant(name + "/bias", new int[] {folded.out()}, folded.bias());
        if (folded.in() == 1) {
            int w = out.floatConstant(name + "/weights", new int[] {folded.out(), 3, 3, 1}, folded.asPlainConvolution());
            out.operator(BuiltinOperator.CONV_2D, new int[] {x, w, b}, new int[] {y},
                    TfliteOptions.conv2d(Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.RELU));
            return y;
        }
        int dw = out.floatConstant(name + "/depthwise", new int[] {1, 3, 3, folded.in()}, folded.depthwise());
        int zero = out.floatConstant(name + "/depthwise_bias", new int[] {folded.in()}, new float[folded.in()]);
        int mid = out.floatActivation(name + "/depthwise_out", 1, side, side, folded.in());
        out.operator(BuiltinOperator.DEPTHWISE_CONV_2D, new int[] {x, dw, zero}, new int[] {mid},
                TfliteOptions.depthwiseConv2d(Padding.SAME, 1, 1, 1, 1, 1, ActivationFunctionType.NONE));
        int pw = out.floatConstant(name + "/pointwise", new int[] {folded.out(), 1, 1, folded.in()}, folded.pointwise());
        out.operator(BuiltinOperator.CONV_2D, new int[] {mid, pw, b}, new int[] {y},
                TfliteOptions.conv2d(Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.RELU));
        return y;
    }

    static NDArray parameter(Block block, String name) {
        var p = block.getParameters().get(name);
        if (p == null || p.getArray() == null) {
            throw new IllegalArgumentException(block.getClass().getSimpleName() + " has no trained '" + name + "'");
        }
        return p.getArray();
    }

    private static BuiltinOptionsUnion fullyConnected() {
        FullyConnectedOptionsT o = new FullyConnectedOptionsT();
        o.setFusedActivationFunction(ActivationFunctionType.NONE);
        o.setKeepNumDims(false);
        BuiltinOptionsUnion u = new BuiltinOptionsUnion();
        u.setType(BuiltinOptions.FullyConnectedOptions);
        u.setValue(o);
        return u;
    }
}
