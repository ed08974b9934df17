package org.moodbox.lab.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Spatial dropout (Tompson et al. 2015): while training, each channel of each image is kept or dropped as a
 * whole, since neighbouring pixels of a feature map are too alike for pixel dropout to regularise. DJL has no
 * such block. An identity at inference; it has no parameters.
 */
final class SpatialDropoutBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final float rate;
    private final DropoutMasks masks;

    SpatialDropoutBlock(float rate, DropoutMasks masks) {
        super(VERSION);
        this.rate = rate;
        this.masks = masks;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training || rate == 0) {
            return inputs;
        }
        Shape shape = x.getShape(); // [N, C, H, W]
        int n = (int) shape.get(0);
        int c = (int) shape.get(1);
        NDArray mask = x.getManager().create(masks.next(n * c, rate), new Shape(n, c, 1, 1));
        return new NDList(x.mul(mask));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
