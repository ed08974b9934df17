package org.moodbox.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Web API's player endpoints as {@link FakeSpotify} serves them: the user's Spotify Connect devices, and
 * one playback (which device, which track, playing or not, progress, volume) that play, pause and volume
 * change, as Spotify documents them. Like Spotify, it answers 404 for a device it does not know and 403
 * ("Restriction violated") for pausing what is already paused.
 */
public final class FakeSpotifyPlayer {
    /** One Spotify Connect device as /me/player/devices lists it. */
    public record Device(String id, String name, String type, boolean restricted) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final FakeSpotify spotify;
    /** What /me/player/devices lists, in order; tests replace it (no phone open, only the box, none). */
    public final List<Device> devices = new CopyOnWriteArrayList<>(List.of(
            new Device("dev-phone", "Ada's phone", "Smartphone", false),
            new Device("dev-box", "Moodbox", "Speaker", false)));
    private final Map<String, Integer> volumes = new LinkedHashMap<>();
    private String activeDevice = "dev-phone";
    private String trackUri;
    private boolean playing;
    private long progressMs;
    private long playingSince;

    FakeSpotifyPlayer(FakeSpotify spotify) {
        this.spotify = spotify;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/me/player/devices", this::devices);
        routes.put("/v1/me/player/play", this::play);
        routes.put("/v1/me/player/pause", this::pause);
        routes.put("/v1/me/player/volume", this::volume);
        routes.get("/v1/me/player", this::playback);
    }

    /** The device Spotify plays on now, or null. */
    public synchronized String activeDevice() {
        return trackUri == null ? null : activeDevice;
    }

    public synchronized String trackUri() {
        return trackUri;
    }

    public synchronized boolean playing() {
        return playing;
    }

    /** The volume Moodbox last set on this device, in percent, or null when it never set one. */
    public synchronized Integer volume(String deviceId) {
        return volumes.get(deviceId);
    }

    /** The user already plays something on this device (their phone, say) before Moodbox asks. */
    public synchronized void listeningOn(String deviceId, String uri) {
        activeDevice = deviceId;
        trackUri = uri;
        playing = true;
        progressMs = 0;
        playingSince = System.currentTimeMillis();
    }

    /** Someone pressed pause in the Spotify app on their phone: same track, not playing, position kept. */
    public synchronized void pausedElsewhere() {
        progressMs = position();
        playing = false;
    }

    /** The track played to its end and nothing was queued: Spotify stops, keeping the track as the item. */
    public synchronized void endTrack() {
        playing = false;
        progressMs = 0;
    }

    /** Someone moved the song along (or it simply played on): what /me/player reports as progress. */
    public synchronized void seek(long ms) {
        progressMs = ms;
        playingSince = System.currentTimeMillis();
    }

    private synchronized void devices(Context ctx) {
        List<Object> list = new ArrayList<>();
        for (Device d : devices) {
            list.add(deviceJson(d));
        }
        ctx.json(Map.of("devices", list));
    }

    private Map<String, Object> deviceJson(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("is_active", trackUri != null && d.id().equals(activeDevice));
        m.put("is_private_session", false);
        m.put("is_restricted", d.restricted());
        m.put("name", d.name());
        m.put("type", d.type());
        m.put("volume_percent", volumes.getOrDefault(d.id(), 50));
        m.put("supports_volume", true);
        return m;
    }

    private synchronized void play(Context ctx) throws Exception {
        String deviceId = ctx.queryParam("device_id");
        Device device = known(deviceId);
        if (!"premium".equals(spotify.product)) {
            throw new FakeSpotify.Halt(403, "Player command failed: Premium required", null);
        }
        String body = ctx.body();
        JsonNode uris = body.isBlank() ? null : json.readTree(body).get("uris");
        if (uris != null && uris.size() > 0) {
            trackUri = uris.get(0).asText();
            progressMs = 0;
        } else if (trackUri == null) {
            throw new FakeSpotify.Halt(404, "Player command failed: No active device found", null);
        }
        if (device != null) {
            activeDevice = device.id();
        }
        playing = true;
        playingSince = System.currentTimeMillis();
        ctx.status(204);
    }

    private synchronized void pause(Context ctx) {
        known(ctx.queryParam("device_id"));
        if (!playing) {
            throw new FakeSpotify.Halt(403, "Player command failed: Restriction violated", null);
        }
        progressMs = position();
        playing = false;
        ctx.status(204);
    }

    private synchronized void volume(Context ctx) {
        Device device = known(ctx.queryParam("device_id"));
        int percent = Integer.parseInt(ctx.queryParam("volume_percent"));
        if (percent < 0 || percent > 100) {
            throw new FakeSpotify.Halt(400, "Invalid volume_percent", null);
        }
        volumes.put(device != null ? device.id() : activeDevice, percent);
        ctx.status(204);
    }

    private synchronized void playback(Context ctx) {
        if (trackUri == null) {
            ctx.status(204);
            return;
        }
        String id = trackUri.substring(trackUri.lastIndexOf(':') + 1);
        Device device = devices.stream().filter(d -> d.id().equals(activeDevice)).findFirst().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", deviceJson(device));
        m.put("repeat_state", "off");
        m.put("shuffle_state", false);
        m.put("context", null);
        m.put("timestamp", System.currentTimeMillis());
        m.put("progress_ms", position());
        m.put("is_playing", playing);
        m.put("item", spotify.track(id, "Song " + id, "Artist of " + id, null));
        m.put("currently_playing_type", "track");
        ctx.json(m);
    }

    private long position() {
        return playing ? progressMs + (System.currentTimeMillis() - playingSince) : progressMs;
    }

    /** A named device must exist (404 as Spotify answers); no name means the active one. */
    private Device known(String deviceId) {
        if (deviceId == null) {
            return null;
        }
        return devices.stream().filter(d -> d.id().equals(deviceId)).findFirst()
                .orElseThrow(() -> new FakeSpotify.Halt(404, "Device not found", null));
    }
}
