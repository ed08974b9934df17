package org.moodbox.web.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebJson;
import org.moodbox.web.shared.WebRoom;
import java.util.regex.Pattern;
import org.moodbox.settings.SecretFile;
import org.moodbox.youtube.YoutubeCandidates;
import org.moodbox.youtube.YoutubeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's YouTube section under {@code /admin/api/youtube}: the source's status (quota spent today, when
 * it resets, what is cached, any notice) and the API key, which can be set or removed but is never sent back
 * in full. The YouTube settings themselves (phone links, on/off, daily budget) travel with the other settings
 * ({@code PUT /admin/api/settings}). Sign-in and CSRF are checked as for every admin route.
 */
public final class YoutubeAdminRoutes implements WebExtension {
    private static final Logger LOG = LoggerFactory.getLogger(YoutubeAdminRoutes.class);
    /** Google API keys: "AIza" and 35 more URL-safe characters. A pasted client secret or OAuth id fails here. */
    static final Pattern API_KEY = Pattern.compile("AIza[0-9A-Za-z_-]{35}");

    private final YoutubeCandidates youtube;
    private final SecretFile apiKey;
    private final com.fasterxml.jackson.databind.ObjectMapper json = WebJson.mapper();

    /** @param apiKey where the source's API key is kept (0600) */
    public YoutubeAdminRoutes(YoutubeCandidates youtube, SecretFile apiKey) {
        this.youtube = java.util.Objects.requireNonNull(youtube, "youtube");
        this.apiKey = java.util.Objects.requireNonNull(apiKey, "apiKey");
    }

    /** After the key changed the cards are new: a removed key takes the YouTube cards away. */
    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        Runnable keyChanged = room.live()::refresh;
        routes.get("/admin/api/youtube", ctx -> ctx.json(view(youtube.status())), Access.OWNER);
        routes.put("/admin/api/youtube/key", ctx -> putKey(ctx, keyChanged), Access.OWNER);
        routes.delete("/admin/api/youtube/key", ctx -> {
            apiKey.clear();
            LOG.info("YouTube API key removed from {}", ctx.ip());
            youtube.settingsChanged();
            keyChanged.run();
            ctx.json(view(youtube.status()));
        }, Access.OWNER);
    }

    private void putKey(Context ctx, Runnable keyChanged) {
        String key;
        try {
            var node = json.readTree(ctx.body());
            var field = node == null ? null : node.get("apiKey");
            key = field != null && field.isTextual() ? field.textValue().strip() : null;
        } catch (java.io.IOException e) {
            key = null;
        }
        if (key == null || key.isEmpty()) {
            fieldError(ctx, "send the key as {\"apiKey\": \"AIza...\"}");
            return;
        }
        if (!API_KEY.matcher(key).matches()) {
            fieldError(ctx, "this does not look like a Google API key: those are 39 characters starting with "
                    + "AIza (Google Cloud console, APIs & Services, Credentials, API key)");
            return;
        }
        apiKey.set(key);
        LOG.info("YouTube API key set from {}", ctx.ip());
        youtube.settingsChanged();
        keyChanged.run();
        ctx.json(view(youtube.status()));
    }

    private static void fieldError(Context ctx, String message) {
        ctx.status(400).json(Map.of("error", "the API key was not saved", "fields", Map.of("apiKey", message)));
    }

    private static Map<String, Object> view(YoutubeStatus s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("keySet", s.keySet());
        v.put("keyHint", s.keyHint());
        v.put("searchEnabled", s.searchEnabled());
        v.put("active", s.active());
        v.put("unitsUsedToday", s.unitsUsedToday());
        v.put("dailyBudget", s.dailyBudget());
        v.put("searchCost", s.searchCost());
        v.put("quotaResetsAt", s.quotaResetsAt().toString());
        v.put("cachedSearches", s.cachedSearches());
        v.put("linkOnlyTracks", s.linkOnlyTracks());
        v.put("lastSearch", s.lastSearch());
        v.put("lastSearchAt", s.lastSearchAt() == null ? null : s.lastSearchAt().toString());
        if (s.notice() == null) {
            v.put("notice", null);
        } else {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("message", s.notice().owner());
            n.put("until", s.notice().until() == null ? null : s.notice().until().toString());
            v.put("notice", n);
        }
        return v;
    }
}
