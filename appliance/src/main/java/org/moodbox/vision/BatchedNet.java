package org.moodbox.vision;

/**
 * R-Net or O-Net as two interpreters of fixed batch size, planned once: a large batch for the bulk of
 * a frame's crops and a small one for the rest. Resizing one interpreter to each frame's crop count
 * would re-plan tensors and re-prepare XNNPACK (about 10 ms) every frame; a single fixed batch of 16
 * wastes up to 15 slots of inference on padding (O-Net costs about 1 ms a crop), which the small
 * batch cuts to at most 3.
 */
final class BatchedNet implements AutoCloseable {
    static final int LARGE = 16;
    static final int SMALL = 4;

    /** One interpreter and where its outputs are; {@code pointsOut} is -1 without landmarks. */
    record Batch(TfliteModel model, int size, int probOut, int regOut, int pointsOut) {
    }

    private final Batch large;
    private final Batch small;

    BatchedNet(String modelFile, int side, boolean landmarks) {
        this.large = batch(modelFile, side, LARGE, landmarks);
        Batch smallBatch;
        try {
            smallBatch = batch(modelFile, side, SMALL, landmarks);
        } catch (RuntimeException e) {
            large.model().close();
            throw e;
        }
        this.small = smallBatch;
    }

    private static Batch batch(String modelFile, int side, int size, boolean landmarks) {
        TfliteModel model = TfliteModel.fromModelFiles(modelFile, 1);
        try {
            model.resizeInput(0, size, side, side, 3);
            int outputs = landmarks ? 3 : 2;
            return new Batch(model, size, model.outputWithLastDim(2, outputs), model.outputWithLastDim(4, outputs),
                    landmarks ? model.outputWithLastDim(10, outputs) : -1);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The batch to run next for {@code remaining} crops: small ones when they waste less. */
    Batch next(int remaining) {
        return remaining > LARGE - SMALL ? large : small;
    }

    @Override
    public void close() {
        large.model().close();
        small.model().close();
    }
}
