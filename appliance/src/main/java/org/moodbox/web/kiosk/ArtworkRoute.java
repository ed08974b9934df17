package org.moodbox.web.kiosk;

import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.TrackLookup;
import org.moodbox.web.shared.JsonInput;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.moodbox.catalog.Artwork;
import org.moodbox.catalog.ArtworkStore;
import org.moodbox.model.Track;

/**
 * {@code GET /api/artwork/{id}}: the stored cover, or a generated placeholder when the track has none.
 * Covers never change for a track id, so the browser may keep them; placeholders are kept for a shorter time
 * because a library rescan may find the real cover.
 */
public final class ArtworkRoute {
    public static final String STORED_CACHE = "public, max-age=86400";
    public static final String PLACEHOLDER_CACHE = "public, max-age=3600";

    private final TrackLookup tracks;
    private final ArtworkStore artwork;

    public ArtworkRoute(TrackLookup tracks, ArtworkStore artwork) {
        this.tracks = tracks;
        this.artwork = artwork;
    }

    public void handle(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        Track track = tracks.byId(id).orElseThrow(() -> ApiException.notFound("no track with id " + id));
        Optional<Artwork> stored = artwork.artwork(id);
        if (stored.isPresent() && stored.get().data() != null && stored.get().data().length > 0) {
            ctx.header("Cache-Control", STORED_CACHE)
                    .contentType(stored.get().mimeType())
                    .result(stored.get().data());
            return;
        }
        ctx.header("Cache-Control", PLACEHOLDER_CACHE)
                .contentType("image/svg+xml; charset=utf-8")
                .result(ArtworkPlaceholder.svg(track).getBytes(StandardCharsets.UTF_8));
    }

    private static long parseId(String raw) {
        return JsonInput.asciiId(raw).orElseThrow(() -> ApiException.notFound("no track with id '"
                + ApiException.shortened(raw) + "'"));
    }
}
