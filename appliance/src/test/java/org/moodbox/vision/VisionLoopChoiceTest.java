package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.moodbox.camera.CameraException;
import org.moodbox.camera.CameraSpec;
import org.moodbox.camera.FrameSource;
import org.moodbox.camera.FrameSourceOpener;

/** A camera that never appears is a status, not a crash loop; the owner's pipeline choice swaps in live. */
class VisionLoopChoiceTest {
    @Test
    void aCameraThatNeverAppearsSaysNoCameraWithTheReasonAndKeepsTrying() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        FrameSourceOpener absent = new FrameSourceOpener() {
            @Override
            public FrameSource open() throws CameraException {
                opens.incrementAndGet();
                throw new CameraException("cannot open /dev/video7: No such file or directory");
            }

            @Override
            public String describe() {
                return "USB camera /dev/video7";
            }
        };
        PipelineChoice blazeface = new PipelineChoice(DetectorKind.BLAZEFACE_SHORT, EmotionModelKind.CNN);
        try (VisionLoop loop = new VisionLoop(absent, blazeface, a -> { }, 30)) {
            loop.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline && opens.get() < 3) {
                Thread.sleep(50);
            }
            VisionStatus status = loop.status();
            assertThat(opens.get()).isGreaterThanOrEqualTo(3);
            assertThat(status.cameraState()).isEqualTo(CameraState.NO_CAMERA);
            assertThat(status.message()).contains("no frames from USB camera /dev/video7")
                    .contains("No such file or directory").contains("trying again in");
            assertThat(status.failedAttempts()).isGreaterThanOrEqualTo(2);
            assertThat(status.pipeline()).isEqualTo("blazeface-short + cnn, tracked");
        }
    }

    @Test
    void aChosenPipelineReplacesTheRunningOneBetweenFrames() throws Exception {
        CameraSpec camera = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=30", 0, 0, 30);
        AtomicInteger frames = new AtomicInteger();
        try (VisionLoop loop = new VisionLoop(camera,
                new PipelineChoice(DetectorKind.BLAZEFACE_SHORT, EmotionModelKind.CNN), a -> frames.incrementAndGet(), 30)) {
            loop.start();
            waitFor(() -> frames.get() >= 3);
            assertThat(loop.status().pipeline()).isEqualTo("blazeface-short + cnn, tracked");

            // Another detector, model and frame mode at once (every frame: the models alone are named).
            loop.choose(new PipelineChoice(DetectorKind.BLAZEFACE_FULL, EmotionModelKind.CNN_INT8, FrameMode.EVERY_FRAME));
            int before = frames.get();
            waitFor(() -> loop.status().pipeline().equals("blazeface-full + cnn-int8") && frames.get() > before + 2);
            assertThat(loop.status().pipeline()).isEqualTo("blazeface-full + cnn-int8");
            assertThat(loop.status().cameraState()).isEqualTo(CameraState.RUNNING);
            assertThat(loop.status().message()).isNull();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(20);
        }
    }
}
