package org.moodbox.models.tflite;

import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptionsT;
import org.tensorflow.lite.schema.ReducerOptionsT;
import org.tensorflow.lite.schema.SoftmaxOptionsT;

/**
 * Builtin option tables of the operators a CNN needs, wrapped in the schema's union. Padding and
 * activation take the schema's byte constants ({@link Padding}, {@link ActivationFunctionType}).
 */
public final class TfliteOptions {
    private TfliteOptions() {
    }

    public static BuiltinOptionsUnion conv2d(byte padding, int strideH, int strideW, int dilationH, int dilationW,
                                             byte activation) {
        Conv2DOptionsT o = new Conv2DOptionsT();
        o.setPadding(padding);
        o.setStrideH(strideH);
        o.setStrideW(strideW);
        o.setDilationHFactor(dilationH);
        o.setDilationWFactor(dilationW);
        o.setFusedActivationFunction(activation);
        return union(BuiltinOptions.Conv2DOptions, o);
    }

    public static BuiltinOptionsUnion depthwiseConv2d(byte padding, int strideH, int strideW, int dilationH,
                                                      int dilationW, int depthMultiplier, byte activation) {
        DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
        o.setPadding(padding);
        o.setStrideH(strideH);
        o.setStrideW(strideW);
        o.setDilationHFactor(dilationH);
        o.setDilationWFactor(dilationW);
        o.setDepthMultiplier(depthMultiplier);
        o.setFusedActivationFunction(activation);
        return union(BuiltinOptions.DepthwiseConv2DOptions, o);
    }

    /** For MAX_POOL_2D and AVERAGE_POOL_2D. */
    public static BuiltinOptionsUnion pool2d(byte padding, int filterH, int filterW, int strideH, int strideW,
                                             byte activation) {
        Pool2DOptionsT o = new Pool2DOptionsT();
        o.setPadding(padding);
        o.setFilterHeight(filterH);
        o.setFilterWidth(filterW);
        o.setStrideH(strideH);
        o.setStrideW(strideW);
        o.setFusedActivationFunction(activation);
        return union(BuiltinOptions.Pool2DOptions, o);
    }

    public static BuiltinOptionsUnion add(byte activation) {
        AddOptionsT o = new AddOptionsT();
        o.setFusedActivationFunction(activation);
        return union(BuiltinOptions.AddOptions, o);
    }

    /** For MEAN (and the other reductions); the axes are the operator's second input. */
    public static BuiltinOptionsUnion reducer(boolean keepDims) {
        ReducerOptionsT o = new ReducerOptionsT();
        o.setKeepDims(keepDims);
        return union(BuiltinOptions.ReducerOptions, o);
    }

    public static BuiltinOptionsUnion softmax(float beta) {
        SoftmaxOptionsT o = new SoftmaxOptionsT();
        o.setBeta(beta);
        return union(BuiltinOptions.SoftmaxOptions, o);
    }

    /** For RESIZE_BILINEAR; half-pixel centres match OpenCV's INTER_LINEAR resize. */
    public static BuiltinOptionsUnion resizeBilinear(boolean alignCorners, boolean halfPixelCenters) {
        org.tensorflow.lite.schema.ResizeBilinearOptionsT o = new org.tensorflow.lite.schema.ResizeBilinearOptionsT();
        o.setAlignCorners(alignCorners);
        o.setHalfPixelCenters(halfPixelCenters);
        return union(BuiltinOptions.ResizeBilinearOptions, o);
    }

    /** For FULLY_CONNECTED with float weights and an optional fused activation. */
    public static BuiltinOptionsUnion fullyConnected(byte activation) {
        org.tensorflow.lite.schema.FullyConnectedOptionsT o = new org.tensorflow.lite.schema.FullyConnectedOptionsT();
        o.setFusedActivationFunction(activation);
        return union(BuiltinOptions.FullyConnectedOptions, o);
    }

    private static BuiltinOptionsUnion union(byte type, Object value) {
        BuiltinOptionsUnion u = new BuiltinOptionsUnion();
        u.setType(type);
        u.setValue(value);
        return u;
    }
}
