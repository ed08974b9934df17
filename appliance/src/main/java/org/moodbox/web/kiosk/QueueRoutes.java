package org.moodbox.web.kiosk;

import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.JsonBody;
import org.moodbox.web.shared.LiveState;
import org.moodbox.web.shared.TrackLookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackQueue;
import org.moodbox.web.shared.ApiViews.TrackView;

/**
 * The kiosk's queue: {@code POST /api/queue} to add a track, {@code GET /api/queue} to read it. The next button
 * ({@code POST /api/next}, {@link KioskPlaybackRoutes}) and the hardware button's short press play what is queued
 * first ({@link PlaybackQueue#next()}).
 * The POSTs answer only the kiosk screen on the box, like every other control ({@link KioskOnly}).
 */
public final class QueueRoutes {
    private final PlaybackQueue queue;
    private final LiveState live;
    private final TrackLookup tracks;
    private final ObjectMapper json;

    public QueueRoutes(PlaybackQueue queue, LiveState live, TrackLookup tracks, ObjectMapper json) {
        this.queue = queue;
        this.live = live;
        this.tracks = tracks;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/queue", ctx -> ctx.json(Map.of("upcoming", upcoming())));
        routes.post("/api/queue", this::enqueue);
    }

    private void enqueue(Context ctx) {
        long id = JsonBody.of(ctx, json, "{\"trackId\": 42}").requiredLong("trackId");
        Track track = tracks.byId(id)
                .orElseThrow(() -> ApiException.badRequest("no track with id " + id + " in the catalog"));
        queue.enqueue(track);
        ctx.json(Map.of("upcoming", upcoming()));
    }

    private java.util.List<TrackView> upcoming() {
        return queue.upcoming().stream().map(TrackView::of).toList();
    }
}
