package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.moodbox.bench.MovingFaceClip;
import org.moodbox.camera.CameraException;
import org.moodbox.camera.CameraSpec;
import org.moodbox.camera.FrameSource;
import org.moodbox.camera.FrameSourceOpener;
import org.moodbox.camera.PipedMjpegSource;

/**
 * A camera that is missing at first, then works, then vanishes mid-stream, then comes back; an idle room; and
 * failures that are not the camera's: a frame whose listener throws, an error that ends the thread. Every wait
 * is for an event (a frame, a state), with a bound no healthy run comes near.
 */
class VisionLoopTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** BlazeFace short range: a few ms a frame, so a loaded machine delays frames but does not blur the pace. */
    private static final PipelineChoice FAST = new PipelineChoice(DetectorKind.BLAZEFACE_SHORT, EmotionModelKind.CNN);
    private static final CameraSpec TEST_PATTERN = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=30", 0, 0, 30);

    @Test
    void reopensACameraThatFailsAndRecovers() {
        AtomicInteger opens = new AtomicInteger();
        List<String> statesSeen = new CopyOnWriteArrayList<>();
        FrameSourceOpener flaky = new FrameSourceOpener() {
            @Override
            public FrameSource open() throws CameraException {
                int n = opens.incrementAndGet();
                if (n == 1) {
                    throw new CameraException("camera unplugged");
                }
                return failingAfter(TEST_PATTERN.open(), n == 2 ? 3 : Integer.MAX_VALUE);
            }

            @Override
            public String describe() {
                return "flaky camera";
            }
        };
        AtomicInteger analysed = new AtomicInteger();
        try (VisionLoop loop = new VisionLoop(flaky, FAST, a -> analysed.incrementAndGet(), 30)) {
            loop.start();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
                statesSeen.add(loop.status().cameraState().label());
                return opens.get() >= 3 && analysed.get() >= 6;
            });
            assertThat(statesSeen).contains("reconnecting");
            await().atMost(PATIENCE).until(() -> loop.status().cameraState() == CameraState.RUNNING);
            assertThat(loop.problem(PATIENCE)).as("a camera that came back is healthy").isEmpty();
        }
    }

    /**
     * Nobody there: the loop waits its idle interval between frames; someone comes: the next frame at once. The
     * loop says how long each pause between frames is as it begins it, so the test awaits the idle pause itself
     * (a minute here) instead of watching the clock for frames that do not come; "at once" is then frames at full
     * pace well inside that minute.
     */
    @Test
    void idlesWhileNobodyIsThereAndWakesAtOnce() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        List<Long> pauses = new CopyOnWriteArrayList<>();
        long fullPace = Duration.ofMillis(100).toNanos(); // 10 frames a second
        try (VisionLoop loop = new VisionLoop(TEST_PATTERN, FAST.build(), a -> frames.incrementAndGet(), 10,
                Duration.ofMinutes(1), pauses::add)) {
            loop.start();
            await().atMost(PATIENCE).until(() -> frames.get() >= 3);
            assertThat(pauses).as("pauses at full pace").isNotEmpty().allMatch(nanos -> nanos <= fullPace);

            loop.idle(true);
            assertThat(loop.idle()).isTrue();
            await().atMost(PATIENCE).alias("the idle pause begun")
                    .until(() -> pauses.stream().anyMatch(nanos -> nanos > Duration.ofSeconds(30).toNanos()));
            int asleep = frames.get();

            loop.idle(false);
            await().atMost(PATIENCE).alias("frames at full pace after waking, well before the idle minute")
                    .until(() -> frames.get() >= asleep + 5);
            assertThat(loop.idle()).isFalse();
        }
    }

    /** Before: the exception ended the vision thread, the state stayed "running" and the mood froze for good. */
    @Test
    void aFrameWhoseListenerThrowsIsSkippedAndTheNextFramesGoOn() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        Consumer<FrameAnalysis> sink = analysis -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("mood tracker bug");
            }
            delivered.incrementAndGet();
        };
        try (VisionLoop loop = new VisionLoop(TEST_PATTERN, FAST, sink, 30)) {
            loop.start();
            await().atMost(PATIENCE).until(() -> delivered.get() >= 8);
            assertThat(loop.status().cameraState()).isEqualTo(CameraState.RUNNING);
            assertThat(loop.problem(PATIENCE)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(FrameMode.class)
    void framesThatAllFailSayWhyAndReachTheWatchdogAfterTheDeadline(FrameMode mode) {
        Consumer<FrameAnalysis> broken = analysis -> {
            throw new IllegalStateException("mood tracker bug");
        };
        try (VisionLoop loop = new VisionLoop(TEST_PATTERN, in(mode), broken, 30)) {
            loop.start();
            await().atMost(PATIENCE).until(() -> loop.status().message() != null);
            assertThat(loop.status().cameraState()).as("the camera itself delivers").isEqualTo(CameraState.RUNNING);
            assertThat(loop.status().message()).contains("a frame could not be analysed")
                    .contains("IllegalStateException: mood tracker bug");
            Duration deadline = Duration.ofMillis(300);
            await().atMost(PATIENCE).until(() -> loop.problem(deadline).isPresent());
            assertThat(loop.problem(deadline).orElseThrow()).startsWith("vision: no frame analysed for")
                    .contains("mood tracker bug");
        }
    }

    /** An Error is not survivable in the loop; the thread ends, but says so, and the watchdog hears of it. */
    @ParameterizedTest
    @EnumSource(FrameMode.class)
    void anErrorThatEndsTheThreadLeavesStateFailedWithItsCause(FrameMode mode) {
        Consumer<FrameAnalysis> fatal = analysis -> {
            throw new LinkageError("native library unloaded");
        };
        try (VisionLoop loop = new VisionLoop(TEST_PATTERN, in(mode), fatal, 30)) {
            loop.start();
            await().atMost(PATIENCE).until(() -> loop.status().cameraState() == CameraState.FAILED);
            assertThat(loop.status().message()).isEqualTo(
                    "vision loop stopped: java.lang.LinkageError: native library unloaded");
            await().atMost(PATIENCE).until(() -> loop.problem(PATIENCE).isPresent());
            assertThat(loop.problem(PATIENCE)).contains("vision loop stopped: java.lang.LinkageError: native library unloaded");
        }
    }

    /**
     * Tracking on a camera that sees moving faces: faces come with track ids, the status shows fewer full
     * detections than frames and the thread's CPU use, and a frame that hangs (here in the listener) still makes
     * the loop dead to the watchdog once the deadline passes, as in every-frame mode.
     */
    @Test
    void aTrackingLoopOnMovingFacesShowsItsLoadAndAHungFrameStillReachesTheWatchdog() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean();
        List<Integer> trackIds = new CopyOnWriteArrayList<>();
        Consumer<FrameAnalysis> sink = analysis -> {
            analysis.faces().forEach(face -> trackIds.add(face.trackId()));
            if (hang.get()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (MovingFaceClip clip = new MovingFaceClip(MovingFaceClip.benchScript());
             VisionLoop loop = new VisionLoop(clipCamera(clip), new PipelineChoice(DetectorKind.BLAZEFACE_FULL,
                     EmotionModelKind.CNN_INT8, FrameMode.TRACKED), sink, 15)) {
            loop.start();
            await().atMost(PATIENCE).alias("a load window of frames")
                    .until(() -> loop.status().load().cpuPercent() > 0);
            VisionStatus status = loop.status();
            assertThat(status.pipeline()).endsWith(", tracked");
            assertThat(trackIds).isNotEmpty().allMatch(id -> id > 0);
            assertThat(status.load().detectionsPerSecond()).as("keyframes only")
                    .isGreaterThan(0).isLessThan(status.framesPerSecond());
            assertThat(loop.problem(PATIENCE)).isEmpty();

            hang.set(true);
            Duration deadline = Duration.ofMillis(300);
            try {
                await().atMost(PATIENCE).until(() -> loop.problem(deadline).isPresent());
                assertThat(loop.problem(deadline).orElseThrow()).startsWith("vision: no frame analysed for");
            } finally {
                release.countDown();
            }
        }
    }

    /** The moving-face clip as a camera, frame after frame, in a loop. */
    private static FrameSourceOpener clipCamera(MovingFaceClip clip) {
        return new FrameSourceOpener() {
            @Override
            public FrameSource open() {
                return new FrameSource() {
                    int next;

                    @Override
                    public Mat grab() {
                        return clip.render(next++ % clip.frames());
                    }

                    @Override
                    public String describe() {
                        return "moving-face clip";
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public String describe() {
                return "moving-face clip";
            }
        };
    }

    private static PipelineChoice in(FrameMode mode) {
        return new PipelineChoice(FAST.detector(), FAST.emotionModel(), mode);
    }

    /** A camera driver that throws something other than a CameraException is a lost camera: reconnected. */
    @Test
    void aCameraThatThrowsAnythingIsReconnected() {
        AtomicInteger opens = new AtomicInteger();
        AtomicInteger analysed = new AtomicInteger();
        FrameSourceOpener buggy = new FrameSourceOpener() {
            @Override
            public FrameSource open() throws CameraException {
                int n = opens.incrementAndGet();
                if (n == 1) {
                    throw new IllegalArgumentException("driver rejected the format");
                }
                FrameSource real = TEST_PATTERN.open();
                if (n == 2) {
                    return new FrameSource() {
                        @Override
                        public Mat grab() {
                            throw new IndexOutOfBoundsException("driver buffer index 7");
                        }

                        @Override
                        public String describe() {
                            return "buggy camera";
                        }

                        @Override
                        public void close() {
                            real.close();
                        }
                    };
                }
                return real;
            }

            @Override
            public String describe() {
                return "buggy camera";
            }
        };
        List<String> messages = new CopyOnWriteArrayList<>();
        try (VisionLoop loop = new VisionLoop(buggy, FAST, a -> analysed.incrementAndGet(), 30)) {
            loop.start();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
                messages.add(String.valueOf(loop.status().message()));
                return analysed.get() >= 3;
            });
            assertThat(opens.get()).isEqualTo(3);
            assertThat(messages).anyMatch(m -> m.contains("IllegalArgumentException: driver rejected the format"));
            assertThat(loop.status().cameraState()).isEqualTo(CameraState.RUNNING);
        }
    }

    /** Before: PipedMjpegSource.grab() read the pipe without a deadline, and a hung camera program hung the eyes. */
    @Test
    void aHungCameraProgramEndsInACameraErrorAndAReconnect() {
        AtomicInteger opens = new AtomicInteger();
        FrameSourceOpener hung = new FrameSourceOpener() {
            @Override
            public FrameSource open() {
                opens.incrementAndGet();
                return new PipedMjpegSource(List.of("sleep", "600"), "hung CSI camera", Duration.ofMillis(300),
                        Duration.ofMillis(300));
            }

            @Override
            public String describe() {
                return "hung CSI camera";
            }
        };
        try (VisionLoop loop = new VisionLoop(hung, FAST, a -> { }, 30)) {
            loop.start();
            await().atMost(PATIENCE).until(() -> opens.get() >= 3);
            assertThat(loop.status().cameraState()).isEqualTo(CameraState.NO_CAMERA);
            assertThat(loop.status().message()).contains("hung CSI camera sent no frame within 300 ms")
                    .contains("'sleep' was stopped").contains("trying again in");
            assertThat(loop.problem(PATIENCE)).as("reconnecting is progress, not a hang").isEmpty();
        }
    }

    /** The real source, whose grabs fail with a camera error after {@code frames} frames. */
    /**
     * The owner's camera switch: off closes the camera between two frames and opens nothing while off, the status
     * says "off", the mood hears frames with nobody in them (so it turns to "nobody"), and the watchdog still sees
     * a live loop; on opens the camera again at once.
     */
    @Test
    void theOwnersCameraSwitchClosesTheCameraUntilItIsOnAgain() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        FrameSourceOpener counted = new FrameSourceOpener() {
            @Override
            public FrameSource open() throws CameraException {
                opened.incrementAndGet();
                FrameSource real = TEST_PATTERN.open();
                return new FrameSource() {
                    @Override
                    public Mat grab() throws CameraException {
                        return real.grab();
                    }

                    @Override
                    public String describe() {
                        return "counted camera";
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                        real.close();
                    }
                };
            }

            @Override
            public String describe() {
                return "counted camera";
            }
        };
        List<FrameAnalysis> frames = new CopyOnWriteArrayList<>();
        List<Long> pauses = new CopyOnWriteArrayList<>();
        try (VisionLoop loop = new VisionLoop(counted, FAST.build(), frames::add, 10, Duration.ofMillis(50),
                pauses::add)) {
            loop.start();
            await().atMost(PATIENCE).until(() -> loop.status().cameraState() == CameraState.RUNNING);

            loop.cameraOn(false);
            await().atMost(PATIENCE).until(() -> loop.status().cameraState() == CameraState.OFF);
            assertThat(closed.get()).as("the camera is closed").isEqualTo(opened.get()).isEqualTo(1);
            int seen = frames.size();
            await().atMost(PATIENCE).until(() -> frames.size() >= seen + 3); // a few rounds while off
            List<FrameAnalysis> whileOff = List.copyOf(frames); // a snapshot: the loop keeps adding to the list
            assertThat(whileOff.subList(seen, whileOff.size())).allSatisfy(f -> assertThat(f.faces()).isEmpty());
            assertThat(opened.get()).as("nothing opened while off").isEqualTo(1);
            assertThat(loop.problem(Duration.ofSeconds(5))).as("alive for the watchdog").isEmpty();

            loop.cameraOn(true);
            await().atMost(PATIENCE).until(() -> loop.status().cameraState() == CameraState.RUNNING);
            assertThat(opened.get()).isEqualTo(2);
        }
    }

    private static FrameSource failingAfter(FrameSource real, int frames) {
        return new FrameSource() {
            int grabbed;

            @Override
            public Mat grab() throws CameraException {
                if (++grabbed > frames) {
                    throw new CameraException("camera vanished");
                }
                return real.grab();
            }

            @Override
            public String describe() {
                return "flaky camera";
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
