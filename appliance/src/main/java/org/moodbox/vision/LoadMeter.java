package org.moodbox.vision;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Measures {@link VisionLoad} on the vision thread itself: at each frame it reads the pipeline's counts and the
 * thread's CPU time, and every {@link #WINDOW_NANOS} turns the differences into rates. Called only from the
 * thread it measures.
 */
final class LoadMeter {
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long startNanos;
    private long startCpuNanos;
    private PipelineCounts startCounts;
    private VisionLoad load = VisionLoad.NONE;

    /** The load so far; updated when a window of frames has passed. */
    VisionLoad frame(PipelineCounts counts, long nanos) {
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        // A new pipeline counts from zero again: start a new window.
        if (startCounts == null || counts.frames() < startCounts.frames()) {
            start(counts, nanos, cpu);
            return load;
        }
        long wall = nanos - startNanos;
        if (wall >= WINDOW_NANOS) {
            double seconds = wall / 1e9;
            load = new VisionLoad((counts.detections() - startCounts.detections()) / seconds,
                    (counts.readings() - startCounts.readings()) / seconds, 100.0 * (cpu - startCpuNanos) / wall);
            start(counts, nanos, cpu);
        }
        return load;
    }

    private void start(PipelineCounts counts, long nanos, long cpu) {
        startCounts = counts;
        startNanos = nanos;
        startCpuNanos = cpu;
    }
}
