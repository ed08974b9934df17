package org.moodbox.vision;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Notices a cut: the whole picture changed between two frames (another scene, the camera knocked, the lights
 * switched), so every face track is stale and a full detection must run now. A 64x48 thumbnail of each grey
 * frame is compared with the previous one; a face moving, a pan or a zoom changes it far less than a cut.
 */
final class SceneCut implements AutoCloseable {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    private final double threshold;
    private final Mat thumb = new Mat();
    private final Size size = new Size(WIDTH, HEIGHT);
    private byte[] previous;
    private byte[] current = new byte[WIDTH * HEIGHT];
    private double lastDifference;

    /** @param threshold mean absolute grey difference (0..255) above which two frames are a cut */
    SceneCut(double threshold) {
        this.threshold = threshold;
    }

    /** Whether {@code grey} is cut from the frame before it (the first frame is not). */
    boolean cut(Mat grey) {
        resize(grey, thumb, size, 0, 0, INTER_AREA);
        thumb.data().get(current);
        boolean cut = false;
        if (previous != null) {
            long sum = 0;
            for (int i = 0; i < current.length; i++) {
                sum += Math.abs((current[i] & 0xff) - (previous[i] & 0xff));
            }
            lastDifference = sum / (double) current.length;
            cut = lastDifference > threshold;
        } else {
            previous = new byte[current.length];
        }
        byte[] swap = previous;
        previous = current;
        current = swap;
        return cut;
    }

    /** The difference measured on the last frame (for tuning and the bench). */
    double lastDifference() {
        return lastDifference;
    }

    @Override
    public void close() {
        thumb.close();
        size.close();
    }
}
