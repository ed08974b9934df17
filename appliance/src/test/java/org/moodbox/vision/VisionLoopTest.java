package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.moodbox.camera.CameraException;
import org.moodbox.camera.CameraSpec;
import org.moodbox.camera.FrameSource;
import org.moodbox.camera.FrameSourceOpener;

/** A camera that is missing at first, then works, then vanishes mid-stream, then comes back. */
class VisionLoopTest {
    @Test
    void reopensACameraThatFailsAndRecovers() throws Exception {
        CameraSpec lavfi = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=30", 0, 0, 30);
        AtomicInteger opens = new AtomicInteger();
        List<String> statesSeen = new CopyOnWriteArrayList<>();
        FrameSourceOpener flaky = new FrameSourceOpener() {
            @Override
            public FrameSource open() throws CameraException {
                int n = opens.incrementAndGet();
                if (n == 1) {
                    throw new CameraException("camera unplugged");
                }
                FrameSource real = lavfi.open();
                return new FrameSource() {
                    int frames;

                    @Override
                    public Mat grab() throws CameraException {
                        if (n == 2 && ++frames > 3) {
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

            @Override
            public String describe() {
                return "flaky camera";
            }
        };
        AtomicInteger analysed = new AtomicInteger();
        try (VisionLoop loop = new VisionLoop(flaky, FacePipeline.mtcnnWithCnn(), a -> analysed.incrementAndGet(), 30)) {
            loop.start();
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && (opens.get() < 3 || analysed.get() < 6)) {
                statesSeen.add(loop.status().cameraState());
                Thread.sleep(20);
            }
            assertThat(opens.get()).isGreaterThanOrEqualTo(3);
            assertThat(analysed.get()).isGreaterThanOrEqualTo(6);
            assertThat(statesSeen).contains("reconnecting");
            Thread.sleep(200);
            assertThat(loop.status().cameraState()).isEqualTo("running");
        }
    }

    /** Nobody there: one frame every two seconds; someone comes: the next frame at once, then full pace again. */
    @Test
    void idlesWhileNobodyIsThereAndWakesAtOnce() throws Exception {
        FrameSourceOpener camera = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=30", 0, 0, 30);
        List<Long> frameTimes = new CopyOnWriteArrayList<>();
        try (VisionLoop loop = new VisionLoop(camera, FacePipeline.mtcnnWithCnn(), a -> frameTimes.add(System.nanoTime()),
                10)) {
            loop.start();
            waitForFrames(frameTimes, 3);
            loop.idle(true);
            Thread.sleep(300); // the frame in flight finishes
            int before = frameTimes.size();
            Thread.sleep(1500);
            assertThat(frameTimes.size() - before).as("frames in 1.5 s while idle").isLessThanOrEqualTo(1);

            long woken = System.nanoTime();
            loop.idle(false);
            waitForFrames(frameTimes, frameTimes.size() + 5);
            assertThat(frameTimes.get(frameTimes.size() - 5) - woken).as("first frame after waking, ns")
                    .isLessThan(VisionLoop.IDLE_FRAME_INTERVAL_NANOS / 2);
            assertThat(loop.idle()).isFalse();
        }
    }

    private static void waitForFrames(List<Long> frames, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (frames.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(frames).hasSizeGreaterThanOrEqualTo(count);
    }
}
