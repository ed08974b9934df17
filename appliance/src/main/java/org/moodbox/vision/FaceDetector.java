package org.moodbox.vision;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR 8-bit frame. Implementations own native buffers: one per thread. */
public interface FaceDetector extends AutoCloseable {
    List<DetectedFace> detect(Mat bgr);

    String name();

    @Override
    void close();
}
