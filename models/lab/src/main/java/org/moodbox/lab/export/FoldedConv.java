package org.moodbox.lab.export;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/**
 * A 3x3 convolution with its batch norm folded in, weights reordered from DJL's OIHW to TFLite's OHWI.
 * Folding happens in double so the exported model differs from the trainer's only by float rounding.
 */
record FoldedConv(int out, int in, float[] ohwiWeights, float[] bias) {
    private static final int K = 3;

    static FoldedConv of(Block convBnRelu, float epsilon) {
        if (!(convBnRelu instanceof SequentialBlock seq)) {
            throw new IllegalArgumentException("expected a (Conv2d, BatchNorm, ReLU) block, got " + convBnRelu);
        }
        List<Block> parts = seq.getChildren().values();
        if (parts.size() != 3 || !(parts.get(0) instanceof Conv2d) || !(parts.get(1) instanceof BatchNorm)) {
            throw new IllegalArgumentException("expected (Conv2d, BatchNorm, ReLU), got " + parts);
        }
        Block conv = parts.get(0);
        Block bn = parts.get(1);
        long[] shape = DcnnTfliteExport.parameter(conv, "weight").getShape().getShape();
        if (shape.length != 4 || shape[2] != K || shape[3] != K) {
            throw new IllegalArgumentException("expected 3x3 OIHW convolution weights, got " + java.util.Arrays.toString(shape));
        }
        int out = (int) shape[0];
        int in = (int) shape[1];
        float[] w = DcnnTfliteExport.parameter(conv, "weight").toFloatArray();
        float[] gamma = DcnnTfliteExport.parameter(bn, "gamma").toFloatArray();
        float[] beta = DcnnTfliteExport.parameter(bn, "beta").toFloatArray();
        float[] mean = DcnnTfliteExport.parameter(bn, "runningMean").toFloatArray();
        float[] var = DcnnTfliteExport.parameter(bn, "runningVar").toFloatArray();
        float[] ohwi = new float[w.length];
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = gamma[o] / Math.sqrt(var[o] + (double) epsilon);
            bias[o] = (float) (beta[o] - mean[o] * scale);
            for (int i = 0; i < in; i++) {
                for (int h = 0; h < K; h++) {
                    for (int x = 0; x < K; x++) {
                        float v = w[((o * in + i) * K + h) * K + x];
                        ohwi[((o * K + h) * K + x) * in + i] = (float) (v * scale);
                    }
                }
            }
        }
        return new FoldedConv(out, in, ohwi, bias);
    }
}
