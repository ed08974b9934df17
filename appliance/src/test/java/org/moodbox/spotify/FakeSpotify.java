package org.moodbox.spotify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Spotify's accounts service and Web API (Javalin on an ephemeral loopback port), serving
 * the documented JSON shapes: /authorize (approves at once, redirecting with a code), /api/token (checks the
 * PKCE verifier against the challenge, issues and refreshes tokens that expire), /v1/me, search, saved tracks,
 * playlists and their 2026 /items, and the player endpoints ({@link FakeSpotifyPlayer}). Faults are queued per path: 401, 429 with
 * Retry-After, 500 and slow answers.
 */
public final class FakeSpotify implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    /** The player endpoints and their one playback (devices, track, volume). */
    public final FakeSpotifyPlayer player = new FakeSpotifyPlayer(this);
    /** Answer /authorize with a consent page (Agree / Cancel) as a browser sees it, instead of approving at once. */
    public volatile boolean askConsent;
    private final Javalin app;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> challenge, redirect
    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>(); // token -> expiry millis
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> faults = new ConcurrentHashMap<>();
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger refreshes = new AtomicInteger();
    volatile long tokenLifetimeSeconds = 3600;
    public volatile String product = "premium";

    public FakeSpotify() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.exception(Halt.class, (e, ctx) -> {
                ctx.status(e.status).json(error(e.status, e.getMessage()));
                if (e.retryAfter != null) {
                    ctx.header("Retry-After", e.retryAfter);
                }
            });
            config.routes.get("/authorize", this::authorize);
            config.routes.post("/api/token", this::token);
            config.routes.before("/v1/*", this::guard);
            config.routes.get("/v1/me", ctx -> ctx.json(Map.of("id", "ada42", "display_name", "Ada",
                    "product", product, "type", "user", "uri", "spotify:user:ada42")));
            config.routes.get("/v1/search", this::search);
            config.routes.get("/v1/playlists/{id}/items", this::playlistItems);
            config.routes.get("/v1/playlists/{id}/tracks", ctx -> ctx.status(403).json(error(403, "Forbidden")));
            config.routes.get("/v1/me/tracks", this::savedTracks);
            config.routes.get("/v1/me/playlists", ctx -> ctx.json(paging(List.of(
                    playlist("pl-mine-happy", "My happy songs", "ada42"), playlist("pl-mine-work", "Work", "ada42")))));
            player.register(config.routes);
            config.routes.get("/consent", this::consent);
            config.routes.get("/images/{name}", ctx -> ctx.contentType("image/jpeg")
                    .result(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3}));
        });
        app.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** The next request whose path starts with {@code pathPrefix} gets this fault ("401", "429:SECONDS", "500", "slow:MS"). */
    public void inject(String pathPrefix, String fault) {
        faults.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>()).add(fault);
    }

    public void revokeAll() {
        refreshTokens.replaceAll((k, v) -> false);
        accessTokens.clear();
    }

    void expireAccessTokens() {
        accessTokens.replaceAll((k, v) -> 0L);
    }

    public long count(String prefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.startsWith(prefix)).count();
        }
    }

    private void authorize(Context ctx) {
        if (!"S256".equals(ctx.queryParam("code_challenge_method")) || ctx.queryParam("code_challenge") == null) {
            ctx.status(400).result("PKCE required");
            return;
        }
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new String[] {ctx.queryParam("code_challenge"), ctx.queryParam("redirect_uri")});
        String state = "&state=" + URLEncoder.encode(ctx.queryParam("state"), StandardCharsets.UTF_8);
        String approved = ctx.queryParam("redirect_uri") + "?code=" + code + state;
        if (!askConsent) {
            ctx.redirect(approved);
            return;
        }
        // Like Spotify's page: Agree sends the browser on with a code, Cancel with error=access_denied.
        String cancelled = ctx.queryParam("redirect_uri") + "?error=access_denied" + state;
        ctx.contentType("text/html; charset=utf-8").result("<!doctype html><title>Spotify</title>"
                + "<p>Moodbox wants to see your library and control playback.</p>"
                + "<a id=agree href='/consent?to=" + URLEncoder.encode(approved, StandardCharsets.UTF_8) + "'>Agree</a> "
                + "<a id=cancel href='/consent?to=" + URLEncoder.encode(cancelled, StandardCharsets.UTF_8) + "'>Cancel</a>");
    }

    /** The consent page's buttons: a redirect, as Spotify answers the form it posts. */
    private void consent(Context ctx) {
        ctx.redirect(ctx.queryParam("to"));
    }

    private void token(Context ctx) {
        requests.add("POST /api/token " + ctx.formParam("grant_type"));
        if ("authorization_code".equals(ctx.formParam("grant_type"))) {
            String[] issued = codes.remove(String.valueOf(ctx.formParam("code")));
            if (issued == null || !issued[1].equals(ctx.formParam("redirect_uri"))
                    || ctx.formParam("code_verifier") == null
                    || !Pkce.challengeOf(ctx.formParam("code_verifier")).equals(issued[0])) {
                ctx.status(400).json(Map.of("error", "invalid_grant", "error_description", "Invalid authorization code"));
                return;
            }
            issue(ctx, "refresh-" + UUID.randomUUID());
        } else if ("refresh_token".equals(ctx.formParam("grant_type"))) {
            refreshes.incrementAndGet();
            if (!Boolean.TRUE.equals(refreshTokens.get(String.valueOf(ctx.formParam("refresh_token"))))) {
                ctx.status(400).json(Map.of("error", "invalid_grant", "error_description", "Refresh token revoked"));
                return;
            }
            issue(ctx, null);
        } else {
            ctx.status(400).json(Map.of("error", "unsupported_grant_type"));
        }
    }

    private void issue(Context ctx, String refresh) {
        String access = "access-" + UUID.randomUUID();
        accessTokens.put(access, System.currentTimeMillis() + tokenLifetimeSeconds * 1000);
        ObjectNode body = json.createObjectNode().put("access_token", access).put("token_type", "Bearer")
                .put("scope", SpotifyAccount.SCOPES).put("expires_in", tokenLifetimeSeconds);
        if (refresh != null) {
            refreshTokens.put(refresh, true);
            body.put("refresh_token", refresh);
        }
        ctx.json(body);
    }

    private void guard(Context ctx) throws InterruptedException {
        requests.add(ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        for (Map.Entry<String, Deque<String>> f : faults.entrySet()) {
            if (ctx.path().startsWith(f.getKey())) {
                String fault = f.getValue().poll();
                if (fault == null) {
                    continue;
                }
                if (fault.equals("401")) {
                    throw new Halt(401, "The access token expired", null);
                } else if (fault.startsWith("429:")) {
                    throw new Halt(429, "API rate limit exceeded", fault.substring(4));
                } else if (fault.equals("500")) {
                    throw new Halt(500, "Server error", null);
                } else if (fault.startsWith("slow:")) {
                    // Keeps sleeping through interrupts: the point is an answer that comes too late.
                    long end = System.nanoTime() + Long.parseLong(fault.substring(5)) * 1_000_000;
                    while (System.nanoTime() < end) {
                        try {
                            Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                        } catch (InterruptedException ignored) {
                            // keep the client waiting
                        }
                    }
                }
            }
        }
        String auth = ctx.header("Authorization");
        Long expiry = auth == null ? null : accessTokens.get(auth.replace("Bearer ", ""));
        if (expiry == null || expiry < System.currentTimeMillis()) {
            throw new Halt(401, expiry == null ? "Invalid access token" : "The access token expired", null);
        }
    }

    /** Ends a request with Spotify's error shape: {"error": {"status": ..., "message": ...}}. */
    static final class Halt extends RuntimeException {
        final int status;
        final String retryAfter;

        Halt(int status, String message, String retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    private Map<String, Object> error(int status, String message) {
        return Map.of("error", Map.of("status", status, "message", message));
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        String type = ctx.queryParam("type");
        int limit = Math.min(10, Integer.parseInt(ctx.queryParamAsClass("limit", String.class).getOrDefault("10")));
        if ("playlist".equals(type)) {
            ctx.json(Map.of("playlists", paging(List.of(playlist("pl-" + slug(q), q + " hits", "someone"),
                    playlist("pl-editorial-" + slug(q), q + " (Spotify)", "spotify")))));
            return;
        }
        List<Object> tracks = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, 3); i++) {
            tracks.add(track("t" + slug(q) + i, q + " song " + i, "Artist " + slug(q), null));
        }
        if (q.startsWith("happy")) {
            tracks.add(track("known00000000000000001", "Walking on Sunshine", "Katrina and the Waves", "GBAYE8500012"));
        }
        ctx.json(Map.of("tracks", paging(tracks)));
    }

    private void playlistItems(Context ctx) {
        String id = ctx.pathParam("id");
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            items.add(Map.of("added_at", "2026-01-01T00:00:00Z", "is_local", false,
                    "item", track("p" + slug(id) + i, "Playlist " + id + " song " + i, "Band " + i, null)));
        }
        ctx.json(paging(items));
    }

    private void savedTracks(Context ctx) {
        ctx.json(paging(List.of(Map.of("added_at", "2026-01-01T00:00:00Z",
                "track", track("saved0000000000000001", "Unknown saved song", "Nobody known", null)))));
    }

    public Map<String, Object> track(String id, String name, String artist, String isrc) {
        Map<String, Object> t = new java.util.LinkedHashMap<>();
        t.put("id", id);
        t.put("uri", "spotify:track:" + id);
        t.put("type", "track");
        t.put("name", name);
        t.put("duration_ms", 200_000);
        t.put("explicit", false);
        t.put("is_local", false);
        t.put("artists", List.of(Map.of("id", "a-" + slug(artist), "name", artist, "type", "artist",
                "uri", "spotify:artist:a")));
        t.put("album", Map.of("id", "al-" + id, "name", "Album of " + name, "type", "album", "album_type", "album",
                "release_date", "2019-05-01", "release_date_precision", "day",
                "images", List.of(Map.of("url", base() + "/images/" + id + ".jpg", "width", 300, "height", 300))));
        t.put("external_ids", isrc == null ? Map.of() : Map.of("isrc", isrc));
        return t;
    }

    private Map<String, Object> playlist(String id, String name, String owner) {
        return Map.of("id", id, "name", name, "type", "playlist", "uri", "spotify:playlist:" + id,
                "owner", Map.of("id", owner, "type", "user"), "tracks", Map.of("total", 2));
    }

    private Map<String, Object> paging(List<Object> items) {
        return Map.of("items", items, "limit", 10, "offset", 0, "total", items.size(), "href", base() + "/v1/x");
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    @Override
    public void close() {
        app.stop();
    }
}
