package org.moodbox.web.kiosk;
import org.moodbox.web.shared.ApiViews.PlaybackView;

import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.JsonBody;
import org.moodbox.web.shared.LiveState;
import org.moodbox.web.shared.SseHub;
import org.moodbox.web.shared.TrackLookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.moodbox.model.Track;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.Player;
import org.moodbox.model.Emotion;
import org.moodbox.web.shared.ApiViews.KioskSettingsView;
import org.moodbox.web.shared.ApiViews.MoodView;
import org.moodbox.web.shared.ApiViews.RecommendationView;
import org.moodbox.web.shared.ApiViews.StateView;

/**
 * The kiosk's JSON API: read the state, follow it live, and the few things a tap can do (play, pause, resume,
 * stop, volume, "not my mood", more songs). Each handler validates fully before touching a room, so a bad
 * request changes nothing.
 */
public final class ApiRoutes {
    private final LiveState live;
    private final MoodFeed moodFeed;
    private final Player player;
    private final TrackLookup tracks;
    private final SseHub hub;
    private final ObjectMapper json;
    private final BooleanSupplier cameraOn;
    private final Supplier<KioskSettingsView> kioskSettings;

    /** @param kioskSettings the owner's settings the page acts on, read per request; null when there are none */
    public ApiRoutes(LiveState live, MoodFeed moodFeed, Player player, TrackLookup tracks, SseHub hub, ObjectMapper json,
              BooleanSupplier cameraOn, Supplier<KioskSettingsView> kioskSettings) {
        this.kioskSettings = kioskSettings;
        this.live = live;
        this.moodFeed = moodFeed;
        this.player = player;
        this.tracks = tracks;
        this.hub = hub;
        this.json = json;
        this.cameraOn = cameraOn;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/state", ctx -> ctx.json(state()));
        routes.sse("/api/events", client -> hub.join(client, c -> {
            // A fresh (or reconnected) page gets the whole picture first, then changes.
            hub.send(c, "mood", MoodView.of(live.mood()));
            hub.send(c, "recommendations", RecommendationView.of(live.recommendations()));
            hub.send(c, "playback", live.playback());
            if (kioskSettings != null) {
                hub.send(c, "settings", kioskSettings.get());
            }
        }));
        routes.post("/api/play", this::play);
        routes.post("/api/pause", ctx -> command(ctx, player::pause));
        routes.post("/api/resume", ctx -> command(ctx, player::resume));
        routes.post("/api/stop", ctx -> command(ctx, player::stop));
        routes.post("/api/volume", this::volume);
        routes.post("/api/mood/override", this::overrideMood);
        routes.post("/api/recommendations/refresh",
                ctx -> ctx.json(Map.of("recommendations", RecommendationView.of(live.refresh()))));
    }

    StateView state() {
        return new StateView(MoodView.of(live.mood()), RecommendationView.of(live.recommendations()),
                live.playback(), tracks.count(), cameraOn.getAsBoolean(),
                kioskSettings == null ? null : kioskSettings.get());
    }

    private void play(Context ctx) {
        long id = JsonBody.of(ctx, json, "{\"trackId\": 42}").requiredLong("trackId");
        Track track = tracks.byId(id)
                .orElseThrow(() -> ApiException.badRequest("no track with id " + id + " in the catalog"));
        if (track.linkOnly()) {
            throw new ApiException(409, "'" + track.title() + "' can only be watched on a phone: "
                    + "turn the card over and scan its QR code");
        }
        player.play(track);
        // The song plays even when its play could not be recorded (a full SD card): the answer says so.
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("playback", live.playback());
        var notices = org.moodbox.device.BoxNotices.current();
        if (!notices.isEmpty()) {
            answer.put("notices", notices);
        }
        ctx.json(answer);
    }

    private void volume(Context ctx) {
        double volume = JsonBody.of(ctx, json, "{\"volume\": 0.5}").requiredDouble("volume");
        if (!(volume >= 0 && volume <= 1)) {
            throw ApiException.badRequest("'volume' must be between 0 and 1, got " + volume);
        }
        player.setVolume(volume);
        ctx.json(Map.of("playback", live.playback()));
    }

    private void overrideMood(Context ctx) {
        String label = JsonBody.of(ctx, json, "{\"emotion\": \"happy\"}").requiredText("emotion");
        Emotion emotion;
        try {
            emotion = Emotion.parse(label);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        moodFeed.override(emotion);
        // The feed pushes the change to its listeners; feeding the current value in as well costs nothing
        // (duplicates are ignored) and keeps the screen right with a feed that only pushes camera readings.
        live.moodChanged(moodFeed.current());
        ctx.json(Map.of("mood", MoodView.of(moodFeed.current())));
    }

    private void command(Context ctx, Runnable action) {
        action.run();
        ctx.json(Map.of("playback", live.playback()));
    }
}
