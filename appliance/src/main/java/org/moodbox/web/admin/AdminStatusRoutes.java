package org.moodbox.web.admin;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebRoom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.moodbox.device.CpuTemperature;
import org.moodbox.device.RecentProblems;
import org.moodbox.vision.StageTimings;
import org.moodbox.vision.VisionStatus;
import org.moodbox.web.shared.ApiViews.MoodView;

/**
 * The owner's status page, {@code GET /admin/api/status}, signed in only: it carries the mood of whoever is at
 * the screen. Frames per second, full detections and emotion readings a second, the vision thread's CPU use and
 * milliseconds per stage come from the vision loop, the temperature from
 * /sys (where readable), the recent problems from the log's WARN/ERROR ring ({@link RecentProblems}).
 */
public final class AdminStatusRoutes implements WebExtension {
    private final Supplier<VisionStatus> vision;
    private final Path thermal;

    /**
     * @param vision  the vision loop's status now (fps, ms per stage, models); null where a server has none
     * @param thermal the CPU temperature file ({@link CpuTemperature#SYS_THERMAL} on the box)
     */
    public AdminStatusRoutes(Supplier<VisionStatus> vision, Path thermal) {
        this.vision = vision;
        this.thermal = thermal;
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        routes.get("/admin/api/status", ctx -> status(ctx, room), Access.OWNER);
    }

    private void status(Context ctx, WebRoom room) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mood", MoodView.of(room.live().mood()));
        view.put("playback", room.live().playback());
        view.put("catalogSize", room.kiosk().tracks().count());
        view.put("cameraOn", room.kiosk().cameraOn().getAsBoolean());
        view.put("vision", vision == null ? null : visionView(vision.get()));
        view.put("cpuTemperature", CpuTemperature.read(thermal).orElse(null));
        view.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        view.put("recentProblems", RecentProblems.latest());
        view.put("notices", org.moodbox.device.BoxNotices.current());
        ctx.json(view);
    }

    private static Map<String, Object> visionView(VisionStatus status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cameraState", status.cameraState().label());
        view.put("camera", status.camera());
        view.put("message", status.message());
        view.put("framesPerSecond", round(status.framesPerSecond()));
        // What tracking saves: full detections and emotion readings a second, and the thread's share of a core.
        view.put("detectionsPerSecond", round(status.load().detectionsPerSecond()));
        view.put("readingsPerSecond", round(status.load().readingsPerSecond()));
        view.put("cpuPercent", round(status.load().cpuPercent()));
        view.put("faces", status.lastFaceCount());
        view.put("models", status.pipeline());
        StageTimings t = status.lastTimings();
        view.put("stages", t == null ? List.of() : List.of(
                stage("Camera read", t.decodeMs()), stage("Face detection", t.detectMs()),
                stage("Alignment", t.alignMs()), stage("Emotion", t.classifyMs()), stage("Total", t.totalMs())));
        return view;
    }

    private static Map<String, Object> stage(String name, double ms) {
        return Map.of("name", name, "ms", round(ms));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
