package org.moodbox.lab.train;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warm-up, then cosine decay from the peak to the floor over the whole run. The position is our
 * own step counter, not the optimizer's per-parameter count, because that count restarts at zero when a
 * run resumes; ours is stored in the run state.
 */
public final class CosineSchedule implements Tracker {
    private final double peak;
    private final double floor;
    private final long warmupSteps;
    private final long totalSteps;
    private long step;

    public CosineSchedule(double peak, double floor, long warmupSteps, long totalSteps, long startStep) {
        this.peak = peak;
        this.floor = floor;
        this.warmupSteps = warmupSteps;
        this.totalSteps = Math.max(1, totalSteps);
        this.step = startStep;
    }

    public void advance() {
        step++;
    }

    public long step() {
        return step;
    }

    public double current() {
        return valueAt(step);
    }

    double valueAt(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    @Override
    public float getNewValue(int ignoredOptimizerCount) {
        return (float) current();
    }
}
