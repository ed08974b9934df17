package org.moodbox.web.admin;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.JsonBody;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebRoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moodbox.spotify.Spotify;
import org.moodbox.spotify.SpotifyApp;
import org.moodbox.spotify.SpotifyException;
import org.moodbox.spotify.SpotifyHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's Spotify panel ({@code /admin/api/spotify...}, signed in, CSRF-checked by the admin guard), the
 * loopback redirect target ({@code /admin/spotify/callback}, where a link started on the kiosk screen
 * finishes by itself), and the kiosk's notice ({@code /api/spotify/notice}).
 */
public final class SpotifyAdminRoutes implements WebExtension {
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyAdminRoutes.class);
    static final String CALLBACK_PATH = "/admin/spotify/callback";

    private final Spotify spotify;
    private final ObjectMapper json = new ObjectMapper();

    public SpotifyAdminRoutes(Spotify spotify) {
        this.spotify = spotify;
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        routes.get("/admin/api/spotify", ctx -> ctx.json(view(ctx)), Access.OWNER);
        routes.put("/admin/api/spotify/app", ctx -> {
            JsonBody body = JsonBody.of(ctx, json, "{\"clientId\": \"...\", \"clientSecret\": \"(optional)\"}");
            var secretNode = json.readTree(ctx.body()).get("clientSecret");
            String secret = secretNode == null || secretNode.isNull() ? null : secretNode.asText();
            try {
                spotify.account().setApp(body.requiredText("clientId"), secret);
            } catch (SpotifyApp.InvalidField e) {
                ctx.status(400).json(Map.of("error", e.getMessage(), "fields", Map.of(e.field(), e.getMessage())));
                return;
            }
            ctx.json(view(ctx));
        }, Access.OWNER);
        routes.post("/admin/api/spotify/link", ctx -> {
            try {
                URI consent = spotify.account().startLink(redirectUri(ctx));
                ctx.json(Map.of("authorizeUrl", consent.toString(), "redirectUri", redirectUri(ctx).toString()));
            } catch (SpotifyException | IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }, Access.OWNER);
        routes.post("/admin/api/spotify/finish", ctx -> {
            String pasted = JsonBody.of(ctx, json, "{\"redirectedTo\": \"http://127.0.0.1:.../admin/spotify/callback?code=...\"}")
                    .requiredText("redirectedTo");
            finish(pasted);
            ctx.json(view(ctx));
        }, Access.OWNER);
        routes.post("/admin/api/spotify/unlink", ctx -> {
            spotify.account().unlink();
            ctx.json(view(ctx));
        }, Access.OWNER);
        // Spotify sends the browser here. On the kiosk screen (127.0.0.1) that is this server: finish at once.
        // The random state in the address is the check; a sign-in is not needed (the kiosk has none).
        routes.get(CALLBACK_PATH, ctx -> {
            String message;
            try {
                finish(ctx.fullUrl());
                message = spotify.account().status().message();
            } catch (ApiException e) {
                message = "Spotify was not linked: " + e.getMessage();
            }
            ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8")
                    .result("<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>"
                            + "<title>Moodbox</title><p id=spotify-callback>" + escape(message)
                            + "</p><p><a href='/admin'>Back to the admin page</a></p>");
        });
        routes.get("/api/spotify/notice", ctx -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("notice", spotify.notice().orElse(null));
            ctx.header("Cache-Control", "no-store").json(v);
        });
    }

    private void finish(String redirectedTo) {
        try {
            spotify.account().finishLink(redirectedTo);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (SpotifyException e) {
            LOG.warn("Spotify link not finished: {}", e.getMessage());
            throw new ApiException(e.kind() == SpotifyException.Kind.RELINK ? 400 : 502,
                    e.getMessage() + (e.kind() == SpotifyException.Kind.RELINK ? "; press 'Link Spotify' again" : ""));
        }
    }

    /** Spotify allows plain http only to a loopback IP: the box's own address as the kiosk browser reaches it. */
    private static URI redirectUri(Context ctx) {
        return URI.create("http://127.0.0.1:" + ctx.req().getLocalPort() + CALLBACK_PATH);
    }

    private Map<String, Object> view(Context ctx) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("link", spotify.account().status());
        v.put("health", health(spotify.health().snapshot()));
        v.put("notice", spotify.notice().orElse(null));
        v.put("candidates", spotify.candidates().summary());
        v.put("playback", spotify.playbackSummary());
        v.put("redirectUri", redirectUri(ctx).toString());
        return v;
    }

    /** Times as ISO-8601 text: the web room's JSON mapper has no java.time support, and the page shows text. */
    private static Map<String, Object> health(SpotifyHealth.Snapshot h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("state", h.state());
        v.put("notice", h.notice());
        v.put("since", h.since().toString());
        v.put("retryAt", h.retryAt() == null ? null : h.retryAt().toString());
        return v;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
