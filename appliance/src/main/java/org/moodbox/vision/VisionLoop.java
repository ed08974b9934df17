package org.moodbox.vision;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.camera.CameraException;
import org.moodbox.camera.FrameSourceOpener;
import org.moodbox.camera.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eyes' own thread: grab a frame, analyse it, hand the numbers on. A camera that fails is
 * closed and reopened with a growing pause, so unplugging it is a status, never a crash loop.
 * Frames live and die inside this loop.
 */
public final class VisionLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisionLoop.class);
    private static final long INITIAL_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 10_000;
    /**
     * One frame every two seconds while nobody is there (the presence sensor says so): the CPU and the board's
     * heat rest, and a face that appears without tripping the sensor is still seen within seconds.
     */
    static final long IDLE_FRAME_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final FrameSourceOpener camera;
    private final FacePipeline pipeline;
    private final Consumer<FrameAnalysis> sink;
    private final long frameIntervalNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean idle;
    // Guarded by this: who closes the pipeline, close() or the loop's own end, and that it happens once.
    private boolean loopEnded;
    private boolean closeRequested;
    private boolean pipelineClosed;
    private volatile VisionStatus status;

    public VisionLoop(FrameSourceOpener camera, FacePipeline pipeline, Consumer<FrameAnalysis> sink, double maxFps) {
        this.camera = camera;
        this.pipeline = pipeline;
        this.sink = sink;
        this.frameIntervalNanos = (long) (1e9 / maxFps);
        this.status = new VisionStatus("starting", camera.describe(), null, 0, null, 0, pipeline.describe());
        this.thread = new Thread(this::loop, "vision");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public VisionStatus status() {
        return status;
    }

    /**
     * Slows the analysis to {@link #IDLE_FRAME_INTERVAL_NANOS} while nobody is there; back to full pace at once
     * when someone comes (the frame being waited for is taken now, not at the end of the idle pause).
     */
    public void idle(boolean nobodyThere) {
        if (idle != nobodyThere) {
            idle = nobodyThere;
            LOG.info("vision: {}", nobodyThere ? "idle (nobody there), one frame every 2 s" : "full pace (someone is there)");
            LockSupport.unpark(thread);
        }
    }

    public boolean idle() {
        return idle;
    }

    private void loop() {
        try {
            loopUntilClosed();
        } finally {
            synchronized (this) {
                loopEnded = true;
                if (closeRequested) {
                    closePipeline(); // close() gave up waiting: the models are released here, after the last frame
                }
            }
        }
    }

    private void loopUntilClosed() {
        long backoff = INITIAL_BACKOFF_MS;
        while (running) {
            try (FrameSource source = camera.open()) {
                LOG.info("camera: {}", source.describe());
                backoff = INITIAL_BACKOFF_MS;
                analyse(source);
            } catch (CameraException e) {
                if (!running) {
                    break;
                }
                LOG.warn("camera problem: {}; retrying in {} ms", e.getMessage(), backoff);
                status = new VisionStatus("reconnecting", camera.describe(), e.getMessage(), 0, status.lastTimings(),
                        0, pipeline.describe());
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
        status = new VisionStatus("stopped", camera.describe(), null, 0, status.lastTimings(), 0, pipeline.describe());
    }

    private void analyse(FrameSource source) throws CameraException {
        double fps = 0;
        long last = System.nanoTime();
        while (running) {
            long start = System.nanoTime();
            Mat frame = source.grab();
            double decodeMs = (System.nanoTime() - start) / 1e6;
            FrameAnalysis analysis = pipeline.analyse(frame);
            analysis = new FrameAnalysis(analysis.width(), analysis.height(), analysis.faces(),
                    analysis.timings().withDecode(decodeMs), analysis.problem());
            sink.accept(analysis);
            long now = System.nanoTime();
            double instant = 1e9 / Math.max(1, now - last);
            fps = fps == 0 ? instant : fps * 0.9 + instant * 0.1;
            last = now;
            status = new VisionStatus("running", source.describe(), analysis.problem(), fps, analysis.timings(),
                    analysis.faces().size(), pipeline.describe());
            long interval = idle ? IDLE_FRAME_INTERVAL_NANOS : frameIntervalNanos;
            long spare = interval - (System.nanoTime() - start);
            if (spare > 0) {
                pause(spare);
            }
        }
    }

    /** Waits between frames; a change of idle ends the wait early, so someone arriving is seen at once. */
    private void pause(long nanos) {
        boolean wasIdle = idle;
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && running && idle == wasIdle; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The models may only be closed once no frame uses them: a frame still being analysed after 5 s (a
        // loaded machine, a slow detector) would otherwise run on freed interpreters.
        synchronized (this) {
            closeRequested = true;
            if (loopEnded || !thread.isAlive()) {
                closePipeline();
            } else {
                LOG.warn("vision: the last frame is still being analysed; its models close when it ends");
            }
        }
    }

    private void closePipeline() {
        if (!pipelineClosed) {
            pipelineClosed = true;
            pipeline.close();
        }
    }
}
