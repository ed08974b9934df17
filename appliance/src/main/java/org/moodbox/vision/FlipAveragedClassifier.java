package org.moodbox.vision;

import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.flip;

/**
 * Test-time flip averaging: classifies the aligned crop and its mirror image and averages the two
 * distributions. A face's expression is left-right symmetric in meaning while the networks were trained on
 * both orientations (every lab augmentation flips), so the average cancels some of the noise of one view. It
 * costs a second inference a face; whether that buys enough accuracy is measured with {@code moodbox eval
 * emotion --flip} (models/trained/emotion-dcnn.md, "Options").
 */
public final class FlipAveragedClassifier implements EmotionClassifier {
    private final EmotionClassifier inner;
    private final String name;
    private final Mat mirrored = new Mat();

    /** Takes ownership of {@code inner}; named after it, "+flip" appended. */
    public FlipAveragedClassifier(EmotionClassifier inner) {
        this(inner, inner.name() + "+flip");
    }

    /** @param name how pipelines and logs name it (an {@link EmotionModelKind}'s id when it is one) */
    public FlipAveragedClassifier(EmotionClassifier inner, String name) {
        this.inner = inner;
        this.name = name;
    }

    @Override
    public EmotionReading classify(Mat alignedGreyFace) {
        float[] direct = inner.classify(alignedGreyFace).probabilities();
        flip(alignedGreyFace, mirrored, 1);
        float[] mirror = inner.classify(mirrored).probabilities();
        float[] mean = new float[direct.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (direct[i] + mirror[i]) / 2f;
        }
        return new EmotionReading(mean);
    }

    @Override
    public int inputSize() {
        return inner.inputSize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        mirrored.close();
        inner.close();
    }
}
