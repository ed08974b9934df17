package org.moodbox.web.kiosk;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.JsonBody;
import org.moodbox.web.shared.TrackLookup;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebJson;
import org.moodbox.web.shared.WebRoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
public final class QueueRoutes implements WebExtension {
    private final PlaybackQueue queue;
    private final ObjectMapper json = WebJson.mapper();

    /** @param queue the player's queue (the kiosk's player, seen as a queue) */
    public QueueRoutes(PlaybackQueue queue) {
        this.queue = java.util.Objects.requireNonNull(queue, "queue");
    }

    /** The kiosk's queue routes, and the owner's: the owner empties the queue from the admin page. */
    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        clearOnMoodChange(room.kiosk().moodFeed());
        TrackLookup tracks = room.kiosk().tracks();
        routes.get("/api/queue", ctx -> ctx.json(Map.of("upcoming", upcoming())));
        routes.post("/api/queue", ctx -> enqueue(ctx, tracks));
        routes.delete("/api/queue", this::clear);
        routes.delete("/admin/api/queue", this::clear, Access.OWNER);
    }

    /**
     * Empties the queue when the mood changes: what the last listener queued for their mood is not what the
     * next one wants, and a queue nobody clears only grows.
     */
    private void clearOnMoodChange(MoodFeed moods) {
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

    private void enqueue(Context ctx, TrackLookup tracks) {
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
