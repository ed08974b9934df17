package org.moodbox.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.models.ModelFiles;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * The CSI path: an MJPEG stream on a program's stdout, decoded by FFmpeg from the pipe. rpicam-vid cannot run
 * here (no camera, no libcamera), so a stand-in program writes a real MJPEG stream (the sample photos as
 * 640x480 JPEG frames, back to back, as rpicam-vid --codec mjpeg -o - does) or fails as rpicam-vid does.
 */
class CsiCameraTest {
    @TempDir
    Path dir;

    @Test
    void csiSpecRunsRpicamVidWithTheCameraSizeAndRate() {
        CameraSpec spec = CameraSpec.parse("csi:1", 800, 600, 10);
        assertThat(spec.kind()).isEqualTo(CameraSpec.Kind.CSI);
        assertThat(spec.describe()).isEqualTo("CSI camera 1 (rpicam-vid)");
        assertThat(CsiCommand.of(1, 800, 600, 10)).containsSubsequence("rpicam-vid", "--camera", "1")
                .containsSubsequence("--codec", "mjpeg").containsSubsequence("--width", "800", "--height", "600")
                .containsSubsequence("--framerate", "10").containsSubsequence("--output", "-");
        assertThat(CameraSpec.parse("csi:", 0, 0, 0).input()).isEqualTo("0");
        assertThatThrownBy(() -> CameraSpec.parse("csi:front", 640, 480, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("csi:N");
    }

    @Test
    void framesArriveThroughThePipeAndTheEndOfTheStreamIsAClearCameraError() throws Exception {
        Path stream = mjpegStream(6);
        try (FrameSource source = new PipedMjpegSource(List.of("sh", "-c", "cat '" + stream + "'"), "stand-in CSI")) {
            for (int i = 0; i < 6; i++) {
                Mat frame = source.grab();
                assertThat(frame.cols()).isEqualTo(640);
                assertThat(frame.rows()).isEqualTo(480);
                assertThat(frame.type()).isEqualTo(CV_8UC3);
            }
            assertThatThrownBy(source::grab).isInstanceOf(CameraException.class)
                    .hasMessageContaining("stand-in CSI stopped sending frames").hasMessageContaining("exited with 0");
        }
    }

    @Test
    void aCameraProgramThatGivesUpSaysWhy() {
        List<String> noCamera = List.of("sh", "-c", "echo 'ERROR: *** no cameras available ***' >&2; exit 255");
        try (FrameSource source = new PipedMjpegSource(noCamera, "CSI camera 0 (rpicam-vid)")) {
            assertThatThrownBy(source::grab).isInstanceOf(CameraException.class)
                    .hasMessageContaining("no cameras available");
        }
    }

    /** Before: no deadline, so this grab blocked for as long as the program hung (here: ten minutes). */
    @Test
    void aCameraProgramThatHangsBeforeItsFirstFrameIsStoppedAtTheDeadline() {
        try (FrameSource source = new PipedMjpegSource(List.of("sh", "-c", "echo 'waiting for the sensor' >&2; sleep 600"),
                "hung CSI", Duration.ofMillis(500), Duration.ofMillis(500))) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(source::grab)
                    .isInstanceOf(CameraException.class)
                    .hasMessageContaining("hung CSI sent no frame within 500 ms, so 'sh' was stopped"));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(source::grab)
                    .as("a stopped program stays stopped; the vision loop opens a new source")
                    .isInstanceOf(CameraException.class).hasMessageContaining("sent no frame"));
        }
    }

    /**
     * Before: a deadline that rang while the program was still being started (a busy machine takes longer than the
     * deadline to start a process) found nothing to kill, and FFmpeg's probe then waited on the silent pipe for as
     * long as the program lived, holding JavaCV's lock on FFmpeg: every other FFmpeg user of the process (the music
     * player, the next camera) waited with it. Here the deadline rings at once, before any program can be running.
     */
    @Test
    void aDeadlineThatRingsWhileTheProgramIsStillStartingStillStopsIt() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (FrameSource source = new PipedMjpegSource(List.of("sleep", "600"), "slow CSI", Duration.ofNanos(1),
                    Duration.ofNanos(1))) {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(source::grab)
                        .isInstanceOf(CameraException.class)
                        .hasMessageContaining("slow CSI sent no frame within 0 ms, so 'sleep' was stopped"));
            }
        }
    }

    @Test
    void aCameraProgramThatHangsMidStreamIsStoppedAtTheDeadline() throws Exception {
        Path stream = mjpegStream(6);
        try (FrameSource source = new PipedMjpegSource(List.of("sh", "-c", "cat '" + stream + "'; sleep 600"),
                "stalling CSI", Duration.ofSeconds(20), Duration.ofMillis(500))) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                int frames = 0;
                try {
                    while (frames < 100) {
                        source.grab();
                        frames++;
                    }
                } catch (CameraException e) {
                    assertThat(e).hasMessageContaining("stalling CSI sent no frame within");
                }
                assertThat(frames).as("frames before the stall").isBetween(1, 6);
            });
        }
    }

    @Test
    void aMissingCameraProgramNamesThePackage() {
        try (FrameSource source = CameraSpec.parse("csi:0", 640, 480, 15).open()) {
            assertThatThrownBy(source::grab).isInstanceOf(CameraException.class)
                    .hasMessageContaining("rpicam-vid").hasMessageContaining("rpicam-apps");
        } catch (CameraException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code count} JPEG frames back to back, the byte stream of rpicam-vid --codec mjpeg. */
    private Path mjpegStream(int count) throws Exception {
        Path file = dir.resolve("stream.mjpeg");
        try (OutputStream out = Files.newOutputStream(file); Mat canvas = new Mat(480, 640, CV_8UC3)) {
            for (int i = 0; i < count; i++) {
                DemoVideo.letterbox(ModelFiles.bytes(ModelFiles.samplePhoto(i % ModelFiles.SAMPLE_COUNT + 1)), canvas);
                try (BytePointer jpeg = new BytePointer()) {
                    assertThat(imencode(".jpg", canvas, jpeg)).isTrue();
                    byte[] bytes = new byte[(int) jpeg.limit()];
                    jpeg.get(bytes);
                    out.write(bytes);
                }
            }
        }
        return file;
    }
}
