package org.moodbox.vision;

/**
 * Frames per second for the status page, from the times between delivered frames only. The first frame after
 * a camera (re)opens has no predecessor, so it sets the clock and nothing else: timing it from before the
 * first grab measured one frame's work without the pause between frames, and the status page showed 26-67
 * fps for a few seconds after every reopen of a 5 fps camera.
 */
final class FrameRate {
    private static final double SMOOTHING = 0.1;
    private long lastNanos;
    private boolean hasLast;
    private double fps;

    /** The rate so far (0 before the second frame). */
    double current() {
        return fps;
    }

    /** Records a frame delivered at {@code nanos} (System.nanoTime()) and returns the smoothed rate (0 until two). */
    double frameAt(long nanos) {
        if (hasLast && nanos > lastNanos) {
            double instant = 1e9 / (nanos - lastNanos);
            fps = fps == 0 ? instant : fps * (1 - SMOOTHING) + instant * SMOOTHING;
        }
        lastNanos = nanos;
        hasLast = true;
        return fps;
    }
}
