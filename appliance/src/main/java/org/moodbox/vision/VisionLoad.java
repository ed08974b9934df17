package org.moodbox.vision;

/**
 * What the vision thread costs, over the last few seconds: full detections and emotion readings per second (what
 * tracking saves) and the thread's CPU time as a percentage of one core.
 */
public record VisionLoad(double detectionsPerSecond, double readingsPerSecond, double cpuPercent) {
    public static final VisionLoad NONE = new VisionLoad(0, 0, 0);
}
