package org.moodbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.camera.CameraSpec;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.VisionLoop;

/** The owner's saved detector and emotion model reach the running vision loop; other saves leave it alone. */
class VisionChoiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void savesThatChangeTheDetectorOrModelSwapThePipelineOthersDoNot() throws Exception {
        SettingsStore settings = SettingsStore.open(data);
        settings.update(JSON.readTree("{\"detector\": \"blazeface-short\", \"emotionModel\": \"cnn\"}"));
        CameraSpec camera = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=30", 0, 0, 30);
        // The command line's detector wins at start...
        try (VisionLoop loop = new VisionLoop(camera, OwnerSettings.pipelineAtStart(settings, DetectorKind.BLAZEFACE_FULL),
                a -> { }, 30)) {
            OwnerSettings.pipeline(settings, loop);
            loop.start();
            waitFor(loop, "blazeface-full + cnn");
            // ...a save of something else does not undo it...
            settings.update(JSON.readTree("{\"volumeCap\": 0.5}"));
            Thread.sleep(500);
            assertThat(loop.status().pipeline()).isEqualTo("blazeface-full + cnn");
            // ...and the owner's next choice takes over.
            settings.update(JSON.readTree("{\"emotionModel\": \"dcnn\"}"));
            waitFor(loop, "blazeface-short + dcnn");
            assertThat(loop.status().pipeline()).isEqualTo("blazeface-short + dcnn");
        }
    }

    private static void waitFor(VisionLoop loop, String pipeline) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline
                && !(pipeline.equals(loop.status().pipeline()) && "running".equals(loop.status().cameraState()))) {
            Thread.sleep(20);
        }
    }
}
