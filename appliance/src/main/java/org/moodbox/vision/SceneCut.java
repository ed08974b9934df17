package org.moodbox.vision;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Notices a cut: the whole picture changed between two frames (another scene, the camera knocked, the lights
 * switched), so every face track is stale and a full detection must run now. A 64x48 thumbnail of each grey
 * frame is compared with the previous one, shifted by up to {@link #MAX_SHIFT} thumbnail pixels (30 frame pixels)
 * each way, and the best-fitting shift counts: a quick pan moves the picture without changing it, and measured
 * unshifted it looked like a cut on every frame of a fast pan (differences of 20-30 against 70-100 for real cuts).
 */
final class SceneCut implements AutoCloseable {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int MAX_SHIFT = 3;

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
            lastDifference = Double.MAX_VALUE;
            // Nearest shifts first: a still or slow scene stops at the first one.
            for (int ring = 0; ring <= MAX_SHIFT && lastDifference > threshold; ring++) {
                for (int dy = -ring; dy <= ring; dy++) {
                    for (int dx = -ring; dx <= ring; dx++) {
                        if (Math.max(Math.abs(dx), Math.abs(dy)) == ring) {
                            lastDifference = Math.min(lastDifference, difference(dx, dy));
                        }
                    }
                }
            }
            cut = lastDifference > threshold;
        } else {
            previous = new byte[current.length];
        }
        byte[] swap = previous;
        previous = current;
        current = swap;
        return cut;
    }

    /** Mean absolute difference where the previous thumbnail moved by (dx, dy) overlaps this one. */
    private double difference(int dx, int dy) {
        long sum = 0;
        int count = 0;
        for (int y = Math.max(0, dy); y < Math.min(HEIGHT, HEIGHT + dy); y++) {
            int row = y * WIDTH;
            int from = (y - dy) * WIDTH - dx;
            for (int x = Math.max(0, dx); x < Math.min(WIDTH, WIDTH + dx); x++) {
                sum += Math.abs((current[row + x] & 0xff) - (previous[from + x] & 0xff));
                count++;
            }
        }
        return sum / (double) count;
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
