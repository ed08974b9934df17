package org.moodbox.vision;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR 8-bit frame. Implementations own native buffers: one per thread. */
public interface FaceDetector extends AutoCloseable {
    List<DetectedFace> detect(Mat bgr);

    String name();

    /**
     * What follows this detector's faces between keyframes ({@link FrameMode#TRACKED}); owned by the caller. By
     * default the landmarks and box are carried by optical flow ({@link LandmarkFlowFollower}), which needs nothing
     * of the detector; a detector with a cheap stage of its own that can re-find a face near where it was
     * (MTCNN's O-Net) overrides this.
     */
    default FaceFollower follower(TrackingSettings tracking) {
        return new LandmarkFlowFollower(tracking.minFollowQuality());
    }

    @Override
    void close();
}
