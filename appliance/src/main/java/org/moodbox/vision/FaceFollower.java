package org.moodbox.vision;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Follows faces found in an earlier frame into the next one, far more cheaply than finding them again: what
 * {@link FrameMode#TRACKED} runs between two full detections. Each detector brings its own
 * ({@link FaceDetector#follower()}).
 */
public interface FaceFollower extends AutoCloseable {
    /**
     * Where each of {@code previous} (faces of the frame given to the last {@link #remember}) is in this frame,
     * in the same order; null for a face that could not be followed (it left, turned away, was covered, or the
     * follower is no longer sure): the caller then detects again at once.
     */
    List<DetectedFace> follow(Mat bgr, Mat grey, List<DetectedFace> previous);

    /** Called with every frame once its faces are known, keyframes included: the next follow starts from it. */
    default void remember(Mat grey) {
    }

    @Override
    default void close() {
    }
}
