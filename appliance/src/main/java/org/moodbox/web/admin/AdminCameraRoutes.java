package org.moodbox.web.admin;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.CameraPreview;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebRoom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.moodbox.vision.VisionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's camera section: the video devices this box has, the camera running now, and the one-shot
 * preview. The preview is a POST (an explicit tap, CSRF-checked like every change), answered with the JPEG
 * itself and {@code Cache-Control: no-store}: the frame exists in this response only. It is never stored and
 * never logged (the log line says that a preview was taken, not what it showed).
 */
public final class AdminCameraRoutes implements WebExtension {
    private static final Logger LOG = LoggerFactory.getLogger(AdminCameraRoutes.class);
    static final Duration PREVIEW_WAIT = Duration.ofSeconds(5);

    private final CameraPreview preview;
    private final Supplier<VisionStatus> vision;
    private final Path devices;

    /**
     * @param preview one camera frame as JPEG on the owner's explicit tap; null where a server has no camera loop
     * @param vision  the vision loop's status now; null likewise
     * @param devices where video devices live ({@code /dev})
     */
    public AdminCameraRoutes(CameraPreview preview, Supplier<VisionStatus> vision, Path devices) {
        this.preview = preview;
        this.vision = vision;
        this.devices = devices;
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        routes.get("/admin/api/cameras", this::cameras, Access.OWNER);
        routes.post("/admin/api/camera/preview", this::preview, Access.OWNER);
    }

    private void cameras(Context ctx) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("devices", videoDevices());
        VisionStatus status = vision == null ? null : vision.get();
        view.put("running", status == null ? null : status.camera());
        view.put("state", status == null ? null : status.cameraState().label());
        view.put("canPreview", preview != null);
        ctx.json(view);
    }

    private void preview(Context ctx) {
        if (preview == null) {
            throw new ApiException(503, "this box has no camera loop to take a preview from");
        }
        byte[] jpeg = preview.jpeg(PREVIEW_WAIT).orElseThrow(() -> new ApiException(503,
                "the camera gave no picture within " + PREVIEW_WAIT.toSeconds() + " s"
                        + (vision == null ? "" : " (camera " + vision.get().cameraState() + ")")
                        + "; check the camera and try again"));
        LOG.info("camera preview shown to the owner at {} ({} bytes, not stored)", ctx.ip(), jpeg.length);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/jpeg").result(jpeg);
    }

    /** /dev/video0, /dev/video1 ... sorted; a USB camera often adds two nodes (capture and metadata). */
    private List<String> videoDevices() {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(devices, "video*")) {
            nodes.forEach(node -> found.add(node.toString()));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }
}
