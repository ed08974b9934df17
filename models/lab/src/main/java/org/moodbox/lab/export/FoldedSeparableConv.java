package org.moodbox.lab.export;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.Arrays;
import java.util.List;

/**
 * A separable convolution (depthwise 3x3, pointwise 1x1) with its batch norm folded into the pointwise part:
 * depthwise weights in TFLite's [1, 3, 3, C] order, pointwise weights in OHWI [out, 1, 1, in] with
 * w' = w * g / sqrt(var + eps) and bias b' = beta - mean * g / sqrt(var + eps). Folding happens in double.
 */
record FoldedSeparableConv(int out, int in, float[] depthwise, float[] pointwise, float[] bias) {
    private static final int K = 3;

    static FoldedSeparableConv of(Block block, float epsilon) {
        if (!(block instanceof SequentialBlock seq)) {
            throw new IllegalArgumentException("expected a (depthwise, pointwise, BatchNorm, ReLU) block, got " + block);
        }
        List<Block> parts = seq.getChildren().values();
        if (parts.size() != 4 || !(parts.get(0) instanceof Conv2d) || !(parts.get(1) instanceof Conv2d)
                || !(parts.get(2) instanceof BatchNorm)) {
            throw new IllegalArgumentException("expected (depthwise Conv2d, pointwise Conv2d, BatchNorm, ReLU), got "
                    + parts);
        }
        long[] dwShape = DcnnTfliteExport.parameter(parts.get(0), "weight").getShape().getShape();
        long[] pwShape = DcnnTfliteExport.parameter(parts.get(1), "weight").getShape().getShape();
        if (dwShape.length != 4 || dwShape[1] != 1 || dwShape[2] != K || dwShape[3] != K
                || pwShape.length != 4 || pwShape[1] != dwShape[0] || pwShape[2] != 1 || pwShape[3] != 1) {
            throw new IllegalArgumentException("expected depthwise (C,1,3,3) and pointwise (O,C,1,1) weights, got "
                    + Arrays.toString(dwShape) + " and " + Arrays.toString(pwShape));
        }
        int in = (int) dwShape[0];
        int out = (int) pwShape[0];
        float[] dw = DcnnTfliteExport.parameter(parts.get(0), "weight").toFloatArray();
        float[] pw = DcnnTfliteExport.parameter(parts.get(1), "weight").toFloatArray();
        Block bn = parts.get(2);
        float[] gamma = DcnnTfliteExport.parameter(bn, "gamma").toFloatArray();
        float[] beta = DcnnTfliteExport.parameter(bn, "beta").toFloatArray();
        float[] mean = DcnnTfliteExport.parameter(bn, "runningMean").toFloatArray();
        float[] var = DcnnTfliteExport.parameter(bn, "runningVar").toFloatArray();

        float[] depthwise = new float[K * K * in];
        for (int c = 0; c < in; c++) {
            for (int k = 0; k < K * K; k++) {
                depthwise[k * in + c] = dw[c * K * K + k];
            }
        }
        float[] pointwise = new float[out * in];
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = gamma[o] / Math.sqrt(var[o] + (double) epsilon);
            bias[o] = (float) (beta[o] - mean[o] * scale);
            for (int i = 0; i < in; i++) {
                pointwise[o * in + i] = (float) (pw[o * in + i] * scale);
            }
        }
        return new FoldedSeparableConv(out, in, depthwise, pointwise, bias);
    }

    /**
     * With one input channel the two parts are one 3x3 convolution (out filters, each the depthwise kernel
     * times that filter's pointwise weight): one operator instead of two, in OHWI [out, 3, 3, 1].
     */
    float[] asPlainConvolution() {
        if (in != 1) {
            throw new IllegalStateException("only a one-channel input makes a separable convolution a plain one");
        }
        float[] ohwi = new float[out * K * K];
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < K * K; k++) {
                ohwi[o * K * K + k] = (float) ((double) pointwise[o] * depthwise[k]);
            }
        }
        return ohwi;
    }
}
