package org.moodbox.camera;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Where frames come from: a V4L2 or CSI camera, a video file or a folder of images. Frames are BGR
 * 8-bit Mats owned by the source (valid until the next grab); they go to the vision room only.
 */
public interface FrameSource extends AutoCloseable {
    /** Blocks until the next frame; throws {@link CameraException} when the source fails. */
    Mat grab() throws CameraException;

    /** A human description for logs and the status page, e.g. "video file demo-camera.mkv". */
    String describe();

    @Override
    void close();
}
