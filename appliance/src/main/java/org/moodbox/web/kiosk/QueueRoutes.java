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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.moodbox.model.Track;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.PlaybackQueue;
import org.moodbox.web.shared.ApiViews.TrackView;

/**
 * The kiosk's queue: {@code POST /api/queue} to add a track, {@code GET /api/queue} to read it. The next button
 * ({@code POST /api/next}, {@link KioskPlaybackRoutes}) and the hardware button's short press play what is queued
 * first ({@link PlaybackQueue#next()}).
 * The POSTs answer only the kiosk screen on the box, like every other control ({@link KioskOnly}).
 * {@code DELETE /api/queue} (the kiosk) and {@code DELETE /admin/api/queue} (the owner) empty it; a new mood
 * empties it too, and it holds at most {@link PlaybackQueue#MAX_QUEUED} tracks.
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
        routes.delete("/api/queue", this::clear);
    }

    /** The owner empties the queue from the admin page; {@code ownerOnly} refuses anyone else. */
    public void registerOwner(RoutesConfig routes, Consumer<Context> ownerOnly) {
        routes.delete("/admin/api/queue", ctx -> {
            ownerOnly.accept(ctx);
            clear(ctx);
        });
    }

    /**
     * Empties the queue when the mood changes: what the last listener queued for their mood is not what the
     * next one wants, and a queue nobody clears only grows.
     */
    public void clearOnMoodChange(MoodFeed moods) {
        AtomicReference<String> label = new AtomicReference<>(moods.current() == null ? null : moods.current().label());
        moods.subscribe(mood -> {
            String previous = label.getAndSet(mood.label());
            if (previous != null && !previous.equals(mood.label()) && !queue.upcoming().isEmpty()) {
                queue.clearQueue();
            }
        });
    }

    private void clear(Context ctx) {
        queue.clearQueue();
        ctx.json(Map.of("upcoming", upcoming()));
    }

    private void enqueue(Context ctx) {
        long id = JsonBody.of(ctx, json, "{\"trackId\": 42}").requiredLong("trackId");
        Track track = tracks.byId(id)
                .orElseThrow(() -> ApiException.badRequest("no track with id " + id + " in the catalog"));
        if (!queue.enqueue(track)) {
            throw new ApiException(409, "the queue is full (" + PlaybackQueue.MAX_QUEUED
                    + " tracks); clear it or let some play first");
        }
        ctx.json(Map.of("upcoming", upcoming()));
    }

    private java.util.List<TrackView> upcoming() {
        return queue.upcoming().stream().map(TrackView::of).toList();
    }
}
