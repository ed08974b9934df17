package org.moodbox.lab.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The DJL block of a {@link DcnnLayout}. Children appear in layout order; a ConvBnRelu is one nested
 * sequential block of (Conv2d without bias, BatchNorm, ReLU) and a SeparableConvBnRelu one of (depthwise
 * Conv2d, pointwise Conv2d, BatchNorm, ReLU), so the exporter can fold each as a unit.
 * Input is NCHW [batch, 1, side, side]; output is logits [batch, classes].
 */
public final class DcnnBlocks {
    /** Stated rather than inherited from DJL's default, because the exporter folds with the same value. */
    public static final float BATCH_NORM_EPSILON = 1e-5f;
    private DcnnBlocks() {
    }

    /** A block for inference or export: spatial dropout, if any, is an identity there. */
    public static SequentialBlock build(DcnnLayout layout) {
        return build(layout, new DropoutMasks());
    }

    /** A block whose spatial dropout draws its masks from {@code masks}, which the trainer seeds per batch. */
    public static SequentialBlock build(DcnnLayout layout, DropoutMasks masks) {
        SequentialBlock net = new SequentialBlock();
        for (DcnnLayout.Layer layer : layout.layers()) {
            net.add(block(layer, masks));
        }
        return net;
    }

    private static Block block(DcnnLayout.Layer layer, DropoutMasks masks) {
        if (layer instanceof DcnnLayout.ConvBnRelu c) {
            return new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(c.outChannels()).optBias(false).build())
                    .add(BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).build())
                    .add(Activation.reluBlock());
        }
        if (layer instanceof DcnnLayout.SeparableConvBnRelu s) {
            return new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(s.inChannels()).optGroups(s.inChannels()).optBias(false).build())
                    .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(s.outChannels()).optBias(false)
                            .build())
                    .add(BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).build())
                    .add(Activation.reluBlock());
        }
        if (layer instanceof DcnnLayout.SpatialDropout d) {
            return new SpatialDropoutBlock(d.rate(), masks);
        }
        if (layer instanceof DcnnLayout.MaxPool) {
            return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
        }
        if (layer instanceof DcnnLayout.GlobalAveragePool) {
            return Pool.globalAvgPool2dBlock(); // [N, C, H, W] -> [N, C]
        }
        if (layer instanceof DcnnLayout.Dropout d) {
            return Dropout.builder().optRate(d.rate()).build();
        }
        if (layer instanceof DcnnLayout.Dense d) {
            return Linear.builder().setUnits(d.out()).build();
        }
        throw new IllegalArgumentException("unknown layer " + layer);
    }
}
