package org.moodbox.app;

import org.moodbox.vision.CameraState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.camera.CameraSpec;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.FrameMode;
import org.moodbox.vision.VisionLoop;

/**
 * The owner's saved detector and emotion model reach the running vision loop; other saves leave it alone; the
 * command line's frame mode holds through every save.
 */
class VisionChoiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void savesThatChangeTheDetectorOrModelSwapThePipelineOthersDoNot() throws Exception {
        SettingsStore settings = SettingsStore.open(data);
        settings.update(JSON.readTree("{\"detector\": \"blazeface-short\", \"emotionModel\": \"cnn\"}"));
        CameraSpec camera = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=30", 0, 0, 30);
        // The command line's detector wins at start (here with --every-frame: no ", tracked" after the models)...
        AtomicInteger frames = new AtomicInteger();
        try (VisionLoop loop = new VisionLoop(camera, OwnerSettings.pipelineAtStart(settings, DetectorKind.BLAZEFACE_FULL,
                FrameMode.EVERY_FRAME), a -> frames.incrementAndGet(), 30)) {
            OwnerSettings.pipeline(settings, loop, FrameMode.EVERY_FRAME);
            loop.start();
            waitFor(loop, "blazeface-full + cnn");
            // ...a save of something else does not undo it: a pipeline asked for is swapped in before the next
            // frame, so three frames after the save (awaited, not slept) it would be running...
            settings.update(JSON.readTree("{\"volumeCap\": 0.5}"));
            int saved = frames.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> frames.get() >= saved + 3);
            assertThat(loop.status().pipeline()).isEqualTo("blazeface-full + cnn");
            // ...and the owner's next choice takes over, in the run's frame mode.
            settings.update(JSON.readTree("{\"emotionModel\": \"dcnn\"}"));
            waitFor(loop, "blazeface-short + dcnn");
            assertThat(loop.status().pipeline()).isEqualTo("blazeface-short + dcnn");
        }
    }

    private static void waitFor(VisionLoop loop, String pipeline) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.equals(loop.status().pipeline())
                && loop.status().cameraState() == CameraState.RUNNING);
    }
}
