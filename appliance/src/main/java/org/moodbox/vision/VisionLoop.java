package org.moodbox.vision;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.camera.CameraException;
import org.moodbox.camera.FrameSourceOpener;
import org.moodbox.camera.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eyes' own thread: grab a frame, analyse it, hand the numbers on. A camera that fails is
 * closed and reopened with a growing pause, so unplugging it is a status, never a crash loop; a
 * camera that never delivers a frame says "no camera" with the reason. Frames live and die inside
 * this loop.
 *
 * <p>The pipeline (detector + emotion model) can be changed while running with {@link #choose}: the
 * new one is built on this thread between two frames, and only replaces the old one once it loaded,
 * so a model that fails to load leaves the eyes working and says why in the status.
 *
 * <p>Any failure is survived or reported, never silent: a camera that throws anything is reconnected, a frame
 * whose analysis (or whose listener) throws is skipped with the reason in the status, and an error that ends
 * the thread all the same (out of memory, a broken native library) leaves the state "failed" with its cause.
 * {@link #problem} is the watchdog's question: is the thread alive, and was a frame analysed lately?
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

    private volatile FrameSourceOpener camera;
    /** Set when the owner picked another camera: the loop closes the current one and opens the new one. */
    private volatile boolean cameraChanged;
    private final PreviewSnapshot preview = new PreviewSnapshot();
    private final Consumer<FrameAnalysis> sink;
    private final long frameIntervalNanos;
    private final long idleIntervalNanos;
    private final LongConsumer pauses;
    private final Thread thread;
    private final AtomicReference<PipelineChoice> wanted = new AtomicReference<>();
    /** Only the loop thread touches the pipeline after start(); close() takes it after the thread ended. */
    private FacePipeline pipeline;
    private PipelineChoice running;
    private String pipelineProblem;
    private boolean everDelivered;
    private int failedAttempts;
    private volatile boolean active = true;
    private volatile boolean idle;
    private volatile boolean cameraOn = true;
    // Guarded by this: who closes the pipeline, close() or the loop's own end, and that it happens once.
    private boolean loopEnded;
    private boolean closeRequested;
    private boolean pipelineClosed;
    private volatile VisionStatus status;
    /**
     * When the loop last made progress: a frame analysed and handed on, or a camera attempt (a missing camera is
     * the reconnect logic's business, not a reason to restart the box). Frames that fail do not count.
     */
    private volatile long lastProgressNanos = System.nanoTime();
    private int failedFrames;

    public VisionLoop(FrameSourceOpener camera, FacePipeline pipeline, Consumer<FrameAnalysis> sink, double maxFps) {
        this(camera, pipeline, sink, maxFps, Duration.ofNanos(IDLE_FRAME_INTERVAL_NANOS), pause -> { });
    }

    /**
     * @param idleInterval the pause between frames while nobody is there (tests choose one no machine blurs)
     * @param pauses       told the length in nanoseconds of each pause between frames as it begins: a test awaits
     *                     the idle pause itself instead of watching the clock for frames that do not come
     */
    VisionLoop(FrameSourceOpener camera, FacePipeline pipeline, Consumer<FrameAnalysis> sink, double maxFps,
               Duration idleInterval, LongConsumer pauses) {
        this.pauses = pauses;
        this.camera = camera;
        this.pipeline = pipeline;
        this.sink = sink;
        this.frameIntervalNanos = (long) (1e9 / maxFps);
        this.idleIntervalNanos = idleInterval.toNanos();
        this.status = new VisionStatus(CameraState.STARTING, camera.describe(), null, 0, null, 0, pipeline.describe(), 0,
                VisionLoad.NONE);
        this.thread = new Thread(this::loop, "vision");
        thread.setDaemon(true);
    }

    /** Builds the chosen pipeline now, on the caller's thread (start-up), and loops with it. */
    public VisionLoop(FrameSourceOpener camera, PipelineChoice choice, Consumer<FrameAnalysis> sink, double maxFps) {
        this(camera, choice.build(), sink, maxFps);
        this.running = choice;
    }

    public void start() {
        thread.start();
    }

    public VisionStatus status() {
        return status;
    }

    /**
     * The owner's one-shot preview: the next frame as a JPEG, for their eyes only (see {@link PreviewSnapshot}).
     * Empty when no frame arrives within {@code timeout} (no camera running).
     */
    public Optional<byte[]> previewJpeg(Duration timeout) {
        return preview.take(timeout);
    }

    /** Switches to another camera while running (the owner chose it on the admin page). */
    public void switchCamera(FrameSourceOpener next) {
        camera = java.util.Objects.requireNonNull(next, "camera");
        cameraChanged = true;
        thread.interrupt(); // wakes a reconnect pause, so a camera that was missing is replaced at once
        LOG.info("switching camera to {}", next.describe());
    }

    /**
     * Asks the loop to run {@code choice} from the next frame on (the owner saved new settings). Returns at
     * once; the status names the pipeline once it runs, or the problem if it could not be loaded.
     */
    public void choose(PipelineChoice choice) {
        wanted.set(choice);
        thread.interrupt(); // wakes a reconnect pause; grab() is not interruptible and needs no waking
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

    /**
     * The owner's camera switch. Off closes the device between two frames and keeps it closed: the loop then only
     * tells the mood that nobody is seen (an empty frame every idle interval), so the mood turns to "nobody" and
     * the watchdog still sees the loop alive. On opens the camera again at once.
     */
    public void cameraOn(boolean on) {
        if (cameraOn != on) {
            cameraOn = on;
            cameraChanged = true;
            thread.interrupt();
            LOG.info("camera turned {} by the owner", on ? "on" : "off");
        }
    }

    private void loop() {
        try {
            loopUntilClosed();
        } catch (Throwable e) { // an Error, or a bug outside the frame's own try: the thread ends, and says so
            LOG.error("vision loop stopped: the mood no longer follows the camera", e);
            status = new VisionStatus(CameraState.FAILED, camera.describe(), "vision loop stopped: " + e, 0,
                    status.lastTimings(), 0, pipeline.describe(), status.failedAttempts(), VisionLoad.NONE);
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
        while (active) {
            if (cameraChanged) { // another camera: its own first frame decides between "lost" and "none"
                everDelivered = false;
                failedAttempts = 0;
            }
            cameraChanged = false;
            switchPipelineIfAsked();
            lastProgressNanos = System.nanoTime();
            if (!cameraOn) {
                restWithCameraOff();
                continue;
            }
            try (FrameSource source = open(camera)) {
                LOG.info("camera: {}", source.describe());
                backoff = INITIAL_BACKOFF_MS;
                analyse(source);
            } catch (CameraException e) {
                if (!active) {
                    break;
                }
                failedAttempts++;
                CameraState state = everDelivered && !e.gone() ? CameraState.RECONNECTING : CameraState.NO_CAMERA;
                String message = (everDelivered ? "camera lost: " : "no frames from " + camera.describe() + ": ")
                        + e.getMessage() + "; trying again in " + Math.max(1, backoff / 1000) + " s";
                if (failedAttempts <= 3 || failedAttempts % 30 == 0) {
                    LOG.warn("{} (attempt {})", message, failedAttempts);
                }
                status = new VisionStatus(state, camera.describe(), message, 0, status.lastTimings(), 0,
                        pipeline.describe(), failedAttempts, VisionLoad.NONE);
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
        status = new VisionStatus(CameraState.STOPPED, camera.describe(), null, 0, status.lastTimings(), 0, pipeline.describe(), 0,
                VisionLoad.NONE);
    }

    /** One round with the camera off: nothing is opened or read; the mood hears that no face is there. */
    private void restWithCameraOff() {
        status = new VisionStatus(CameraState.OFF, camera.describe(), "the camera is turned off", 0,
                status.lastTimings(), 0, pipeline.describe(), 0, VisionLoad.NONE);
        try {
            sink.accept(FrameAnalysis.unusable(null, new StageTimings(0, 0, 0, 0)));
        } catch (RuntimeException e) {
            LOG.warn("vision: the mood could not be told that the camera is off: {}", e.toString());
        }
        pauses.accept(idleIntervalNanos);
        sleep(TimeUnit.NANOSECONDS.toMillis(idleIntervalNanos));
    }

    /** A camera whose driver throws anything at all is a camera that failed: reconnected, not fatal. */
    private static FrameSource open(FrameSourceOpener camera) throws CameraException {
        try {
            return camera.open();
        } catch (RuntimeException e) {
            throw new CameraException(camera.describe() + " failed to open: " + e, e);
        }
    }

    private static Mat grab(FrameSource source) throws CameraException {
        try {
            return source.grab();
        } catch (RuntimeException e) {
            throw new CameraException(source.describe() + " failed: " + e, e);
        }
    }

    private void analyse(FrameSource source) throws CameraException {
        FrameRate rate = new FrameRate(); // a new source: its first frame starts the clock
        LoadMeter meter = new LoadMeter();
        while (active && !cameraChanged) {
            switchPipelineIfAsked();
            long start = System.nanoTime();
            Mat frame = grab(source);
            double decodeMs = (System.nanoTime() - start) / 1e6;
            everDelivered = true;
            failedAttempts = 0;
            FrameAnalysis analysis;
            try {
                preview.offer(frame);
                analysis = pipeline.analyse(frame, start);
                analysis = new FrameAnalysis(analysis.width(), analysis.height(), analysis.faces(),
                        analysis.timings().withDecode(decodeMs), analysis.problem());
                sink.accept(analysis);
            } catch (RuntimeException e) {
                frameFailed(source, e, rate.current());
                pauseUntilNextFrame(start);
                continue;
            }
            failedFrames = 0;
            lastProgressNanos = System.nanoTime();
            long now = System.nanoTime();
            double fps = rate.frameAt(now);
            VisionLoad load = meter.frame(pipeline.counts(), now);
            String problem = analysis.problem() != null ? analysis.problem() : pipelineProblem;
            status = new VisionStatus(CameraState.RUNNING, source.describe(), problem, fps, analysis.timings(),
                    analysis.faces().size(), pipeline.describe(), 0, load);
            pauseUntilNextFrame(start);
        }
    }

    /**
     * One frame's analysis or its listener threw: the frame is dropped and the next one tried, the reason shown.
     * Frames that keep failing stop the loop's progress, which {@link #problem} reports to the watchdog.
     */
    private void frameFailed(FrameSource source, RuntimeException e, double fps) {
        failedFrames++;
        String message = "a frame could not be analysed (" + failedFrames + " in a row): " + e;
        if (failedFrames == 1) {
            LOG.warn("vision: {}", message, e); // the stack trace once
        } else if (failedFrames <= 3 || failedFrames % 100 == 0) {
            LOG.warn("vision: {}", message);
        }
        status = new VisionStatus(CameraState.RUNNING, source.describe(), message, fps, status.lastTimings(), 0,
                pipeline.describe(), 0, status.load());
    }

    private void pauseUntilNextFrame(long frameStart) {
        long interval = idle ? idleIntervalNanos : frameIntervalNanos;
        long spare = interval - (System.nanoTime() - frameStart);
        if (spare > 0) {
            pauses.accept(spare);
            pause(spare);
        }
    }

    /**
     * The watchdog's check: empty while the loop is alive and has made progress within {@code deadline} (a frame
     * analysed, or, with the camera missing, an attempt to open it); otherwise the problem in a few words. A
     * loop that hangs in a frame, or whose frames all fail, is as dead to the room as a thread that ended.
     */
    public Optional<String> problem(Duration deadline) {
        if (!thread.isAlive()) {
            VisionStatus now = status;
            return Optional.of(now.message() != null && now.cameraState() == CameraState.FAILED
                    ? now.message() : "vision loop stopped");
        }
        long quietNanos = System.nanoTime() - lastProgressNanos;
        if (quietNanos > deadline.toNanos()) {
            String last = status.message();
            return Optional.of("vision: no frame analysed for " + TimeUnit.NANOSECONDS.toSeconds(quietNanos)
                    + " s" + (last == null ? "" : " (" + last + ")"));
        }
        return Optional.empty();
    }

    /**
     * Waits between frames; a change of idle ends the wait early, so someone arriving is seen at once (as do
     * choose() and close(), which interrupt).
     */
    private void pause(long nanos) {
        boolean wasIdle = idle;
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && active && idle == wasIdle && !Thread.interrupted();
             left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void switchPipelineIfAsked() {
        PipelineChoice next = wanted.getAndSet(null);
        if (next == null || next.equals(running)) {
            return;
        }
        try {
            FacePipeline built = next.build();
            FacePipeline old = pipeline;
            pipeline = built;
            running = next;
            pipelineProblem = null;
            old.close();
            LOG.info("vision pipeline now {}", built.describe());
        } catch (RuntimeException e) {
            pipelineProblem = "could not load " + next + " (" + e.getMessage() + "); still running " + pipeline.describe();
            LOG.warn(pipelineProblem);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // choose() or close() woke us: the loop re-checks what to do
        }
    }

    @Override
    public void close() {
        active = false;
        preview.cancel();
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
