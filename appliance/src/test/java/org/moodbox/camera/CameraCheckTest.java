package org.moodbox.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's camera choice is checked against what can really deliver frames on this box. */
class CameraCheckTest {
    @TempDir
    Path dir;

    @Test
    void filesThatAreNotVideoAndFilterGraphsAreRefused() throws Exception {
        assertThat(CameraCheck.problem("/etc/passwd")).hasValueSatisfying(p -> assertThat(p).contains("not a video"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\nthis is text\n");
        assertThat(CameraCheck.problem(text.toString())).isPresent();
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "garbage");
        assertThat(CameraCheck.problem(junk.toString())).isPresent();
        assertThat(CameraCheck.problem("lavfi:testsrc2=size=64x48:rate=5"))
                .hasValueSatisfying(p -> assertThat(p).contains("lavfi"));
        assertThat(CameraCheck.problem("lavfi:movie=/etc/passwd")).isPresent();
        assertThat(CameraCheck.problem("/dev/video7")).hasValueSatisfying(p -> assertThat(p).contains("not a video device"));
        assertThat(CameraCheck.problem("/dev/video0/../../etc/passwd")).isPresent();
        assertThat(CameraCheck.problem(Files.createDirectories(dir.resolve("empty")).toString()))
                .hasValueSatisfying(p -> assertThat(p).contains("no .jpg"));
    }

    @Test
    void videoAndImageFilesImageFoldersAndCsiAreAccepted() throws Exception {
        Path video = DemoVideo.ensure(dir.resolve("demo"));
        assertThat(CameraCheck.problem(video.toString())).isEmpty();
        Path folder = Files.createDirectories(dir.resolve("faces"));
        Path image = folder.resolve("a.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
        assertThat(CameraCheck.problem(image.toString())).isEmpty();
        assertThat(CameraCheck.problem(folder.toString())).isEmpty();
        assertThat(CameraCheck.problem("csi:")).isEmpty();
        assertThat(CameraCheck.problem("csi:1")).isEmpty();
    }
}
