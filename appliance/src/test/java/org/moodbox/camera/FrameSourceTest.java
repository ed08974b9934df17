package org.moodbox.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** Cameras through real FFmpeg: a synthetic source, the demo video (looping) and an image folder. */
class FrameSourceTest {
    @TempDir
    Path dir;

    @Test
    void lavfiTestSourceDeliversBgrFrames() throws Exception {
        CameraSpec spec = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=15", 0, 0, 15);
        try (FrameSource source = spec.open()) {
            Mat frame = source.grab();
            assertThat(frame.cols()).isEqualTo(320);
            assertThat(frame.rows()).isEqualTo(240);
            assertThat(frame.type()).isEqualTo(CV_8UC3);
        }
    }

    @Test
    void demoVideoLoopsForEver() throws Exception {
        Path video = DemoVideo.ensure(dir);
        assertThat(DemoVideo.ensure(dir)).isEqualTo(video); // made once, then reused
        CameraSpec spec = CameraSpec.parse(video.toString(), 0, 0, DemoVideo.FPS);
        assertThat(spec.kind()).isEqualTo(CameraSpec.Kind.VIDEO_FILE);
        int frames = 6 * 6 * DemoVideo.FPS; // every photo once
        try (FrameSource source = spec.open()) {
            for (int i = 0; i < frames + 10; i++) {
                Mat frame = source.grab();
                assertThat(frame.cols()).isEqualTo(DemoVideo.WIDTH);
                assertThat(frame.rows()).isEqualTo(DemoVideo.HEIGHT);
            }
        }
    }

    @Test
    void imageFolderLoopsAndSkipsUnreadableFiles() throws Exception {
        Path video = DemoVideo.ensure(dir.resolve("v"));
        Path folder = Files.createDirectory(dir.resolve("photos"));
        try (FrameSource source = CameraSpec.parse(video.toString(), 0, 0, 5).open()) {
            org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(folder.resolve("a.png").toString(), source.grab());
        }
        Files.writeString(folder.resolve("b.jpg"), "not a picture");
        try (FrameSource source = CameraSpec.parse(folder.toString(), 0, 0, 5).open()) {
            for (int i = 0; i < 4; i++) {
                assertThat(source.grab().cols()).isEqualTo(DemoVideo.WIDTH);
            }
        }
    }

    @Test
    void badCameraNamesAreExplained() throws Exception {
        assertThatThrownBy(() -> CameraSpec.parse(dir.resolve("nothing.mp4").toString(), 0, 0, 5))
                .hasMessageContaining("neither a /dev/video device");
        assertThatThrownBy(() -> CameraSpec.parse(dir.toString(), 0, 0, 5).open())
                .isInstanceOf(CameraException.class).hasMessageContaining("has no .jpg");
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "garbage");
        try (FrameSource source = CameraSpec.parse(junk.toString(), 0, 0, 5).open()) {
            assertThatThrownBy(source::grab).isInstanceOf(CameraException.class).hasMessageContaining("junk.mp4");
        }
    }

    @Test
    void missingV4l2DeviceIsACameraErrorNotACrash() {
        CameraSpec spec = CameraSpec.parse("/dev/video97", 640, 480, 5);
        assertThat(spec.kind()).isEqualTo(CameraSpec.Kind.V4L2);
        assertThatThrownBy(() -> {
            try (FrameSource source = spec.open()) {
                source.grab();
            }
        }).isInstanceOf(CameraException.class).hasMessageContaining("/dev/video97");
    }

    @Test
    void aDeletedVideoFileEndsTheSourceInsteadOfPlayingOnFromItsHandle() throws Exception {
        Path video = Files.copy(DemoVideo.ensure(dir.resolve("demo")), dir.resolve("camera.mkv"));
        try (FrameSource source = CameraSpec.parse(video.toString(), 0, 0, DemoVideo.FPS).open()) {
            source.grab();
            Files.delete(video);
            CameraException gone = null;
            for (int i = 0; i < 100 && gone == null; i++) { // about 2 s at most: the path is checked every second
                try {
                    source.grab();
                    Thread.sleep(20);
                } catch (CameraException e) {
                    gone = e;
                }
            }
            assertThat(gone).as("the source noticed the file is gone").isNotNull();
            assertThat(gone.gone()).isTrue();
            assertThat(gone.getMessage()).contains("camera.mkv", "gone");
        }
    }
}
