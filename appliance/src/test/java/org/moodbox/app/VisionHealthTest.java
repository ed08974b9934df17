package org.moodbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.moodbox.camera.CameraSpec;
import org.moodbox.device.HealthCheck;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionModelKind;
import org.moodbox.vision.PipelineChoice;
import org.moodbox.vision.VisionLoop;

/**
 * The check the appliance gives its systemd watchdog, on a real vision loop. Before: it only looked for the
 * state "stopped", which a vision thread that died never set, so a box with frozen eyes kept being fed.
 */
class VisionHealthTest {
    @Test
    void theWatchdogCheckFailsOnceTheVisionThreadHasDied() {
        AtomicInteger frames = new AtomicInteger();
        AtomicBoolean die = new AtomicBoolean();
        CameraSpec camera = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=30", 0, 0, 30);
        try (VisionLoop loop = new VisionLoop(camera, new PipelineChoice(DetectorKind.BLAZEFACE_SHORT,
                EmotionModelKind.CNN), analysis -> {
            frames.incrementAndGet();
            if (die.get()) {
                throw new OutOfMemoryError("Java heap space (thrown by the test)");
            }
        }, 30)) {
            HealthCheck check = Appliance.visionAlive(loop);
            loop.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> frames.get() >= 3);
            assertThat(check.problem()).as("frames flow").isEmpty();
            die.set(true);
            await().atMost(Duration.ofSeconds(30)).until(() -> check.problem().isPresent());
            assertThat(check.problem()).contains(
                    "vision loop stopped: java.lang.OutOfMemoryError: Java heap space (thrown by the test)");
            assertThat(loop.status().cameraState()).isEqualTo("failed");
        }
    }
}
