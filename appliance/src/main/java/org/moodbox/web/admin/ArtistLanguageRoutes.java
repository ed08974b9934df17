package org.moodbox.web.admin;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.JsonInput;
import org.moodbox.web.shared.LiveState;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebJson;
import org.moodbox.web.shared.WebRoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.catalog.ArtistLanguage;
import org.moodbox.catalog.ArtistLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's language per artist on the admin page: {@code GET /admin/api/artists?q=NAME} lists artists with
 * the languages their tracks were detected in, {@code PUT /admin/api/artists/language} with
 * {@code {"artist": "...", "language": "ko"}} (or {@code null} to forget) sets one. Signed-in only; the CSRF
 * and same-origin checks of {@link AdminRoutes} cover these paths too (they run before every
 * {@code /admin/api/*} request). After a change the kiosk's cards are recomputed, so a newly allowed artist
 * can appear at once.
 */
public final class ArtistLanguageRoutes implements WebExtension {
    private static final Logger LOG = LoggerFactory.getLogger(ArtistLanguageRoutes.class);
    static final int PAGE = 50;

    private final ArtistLanguages languages;
    private final ObjectMapper json = WebJson.mapper();

    public ArtistLanguageRoutes(ArtistLanguages languages) {
        this.languages = java.util.Objects.requireNonNull(languages, "languages");
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        routes.get("/admin/api/artist-languages", this::list, Access.OWNER);
        routes.put("/admin/api/artist-languages", ctx -> set(ctx, room.live()), Access.OWNER);
    }

    private void list(Context ctx) {
        String query = ctx.queryParam("q");
        if (query != null && query.length() > 200) {
            throw ApiException.badRequest("'q' is too long (200 characters at most)");
        }
        List<ArtistLanguage> page = languages.artistLanguages(query, PAGE);
        ctx.json(Map.of("artists", page, "page", PAGE));
    }

    private void set(Context ctx, LiveState live) {
        JsonNode body = JsonInput.parse(json, ctx.body());
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("send JSON like {\"artist\": \"ABBA\", \"language\": \"sv\"}");
        }
        JsonNode artistNode = body.get("artist");
        JsonNode languageNode = body.get("language");
        if (artistNode == null || !artistNode.isTextual() || artistNode.textValue().isBlank()) {
            fieldError(ctx, "artist", "name an artist");
            return;
        }
        if (languageNode != null && !languageNode.isNull() && !languageNode.isTextual()) {
            fieldError(ctx, "language", "a language code such as en, or null to use what the tracks say");
            return;
        }
        String language = languageNode == null || languageNode.isNull() || languageNode.textValue().isBlank()
                ? null : languageNode.textValue().trim();
        String artist;
        try {
            artist = languages.setArtistLanguage(artistNode.textValue(), language);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("no tracks by")) {
                throw ApiException.notFound(e.getMessage());
            }
            fieldError(ctx, "language", e.getMessage());
            return;
        }
        LOG.info("language of artist {} set to {} from {}", artist, language == null ? "(as the tracks say)" : language,
                ctx.ip());
        live.refresh();
        List<ArtistLanguage> now = languages.artistLanguages(artist, PAGE).stream()
                .filter(a -> a.artist().equalsIgnoreCase(artist)).toList();
        ctx.json(Map.of("artist", now.isEmpty() ? Map.of("artist", artist) : now.get(0)));
    }

    private static void fieldError(Context ctx, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "the language was not changed");
        body.put("fields", Map.of(field, message));
        ctx.status(400).json(body);
    }
}
