package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.device.CpuTemperature;
import org.moodbox.web.admin.AdminCameraRoutes;
import org.moodbox.web.admin.AdminStatusRoutes;
import org.moodbox.camera.CameraSpec;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.VisionLoop;

/**
 * The owner's one-shot preview from the running vision loop (a real loop on FFmpeg's synthetic 320x240 test
 * camera, with the real detector and emotion model): a JPEG of the camera's size reaches the signed-in owner
 * who asks with the page's CSRF token, and nobody else; nothing is written to the box's data folder; the
 * status page shows the loop's frames per second and milliseconds per stage.
 */
class CameraPreviewTest {
    private static final String PASSWORD = "correct horse battery";
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();

    @Test
    void theSignedInOwnerGetsOneJpegFromTheRunningCameraAndNothingIsStored() throws Exception {
        Path data = rig.data();
        CameraSpec camera = CameraSpec.parse("lavfi:testsrc2=size=320x240:rate=15", 0, 0, 15);
        VisionLoop vision = rig.closeAfter(new VisionLoop(camera, FacePipeline.create(DetectorKind.BLAZEFACE_SHORT),
                rig.rooms().moodTracker, 10));
        vision.start();
        WebServer server = rig.with(new AdminCameraRoutes(vision::previewJpeg, vision::status, Path.of("/dev")))
                .with(new AdminStatusRoutes(vision::status, CpuTemperature.SYS_THERMAL)).server();
        AdminClient owner = new AdminClient(server.port());
        owner.setUp(PASSWORD);
        List<Path> before = files(data);

        HttpResponse<byte[]> preview = owner.http().send(owner.withCsrf("/admin/api/camera/preview")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("no-store");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(files(data)).as("the picture is not kept on the box").isEqualTo(before);

        AdminClient.Reply noToken = owner.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/admin/api/camera/preview"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(noToken.status()).as("a foreign page cannot take a picture").isEqualTo(403);
        AdminClient stranger = new AdminClient(server.port());
        stranger.openSession();
        assertThat(stranger.post("/admin/api/camera/preview", "{}").status()).isEqualTo(401);
        PhoneClient phone = new PhoneClient("127.0.0.2", server.port());
        assertThat(phone.send("POST", "/admin/api/camera/preview", "{}").status()).isEqualTo(403);

        var status = owner.get("/admin/api/status").json();
        assertThat(status.at("/vision/cameraState").asText()).isEqualTo("running");
        assertThat(status.at("/vision/framesPerSecond").asDouble()).isGreaterThan(0);
        assertThat(status.at("/vision/models").asText()).containsIgnoringCase("blazeface");
        assertThat(status.at("/vision/stages").findValuesAsText("name"))
                .containsExactly("Camera read", "Face detection", "Alignment", "Emotion", "Total");
        // The vision thread's load, once a window of frames has passed (every frame here: a detection a frame).
        await().atMost(Duration.ofSeconds(30)).until(() -> owner.get("/admin/api/status").json()
                .at("/vision/cpuPercent").asDouble() > 0);
        var loaded = owner.get("/admin/api/status").json();
        assertThat(loaded.at("/vision/detectionsPerSecond").asDouble()).isGreaterThan(0);
        assertThat(loaded.at("/vision/readingsPerSecond").isNumber()).isTrue();
    }

    @Test
    void noPictureWhenTheCameraGivesNone() {
        CameraSpec missing = CameraSpec.parse("/dev/video9", 320, 240, 5);
        try (VisionLoop vision = new VisionLoop(missing, FacePipeline.create(DetectorKind.BLAZEFACE_SHORT),
                a -> { }, 5)) {
            vision.start();
            assertThat(vision.previewJpeg(Duration.ofMillis(700))).isEmpty();
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted().toList();
        }
    }
}
