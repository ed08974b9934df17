package org.moodbox.vision;

import org.bytedeco.opencv.opencv_core.Mat;

/** Reads an expression from an aligned grey face crop of {@link #inputSize()} pixels a side. */
public interface EmotionClassifier extends AutoCloseable {
    EmotionReading classify(Mat alignedGreyFace);

    int inputSize();

    String name();

    @Override
    void close();
}
