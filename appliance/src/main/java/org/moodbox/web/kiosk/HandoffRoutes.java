package org.moodbox.web.kiosk;

import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.Handoff;
import org.moodbox.web.shared.TrackLookup;
import org.moodbox.web.shared.JsonInput;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.moodbox.model.Track;
import org.moodbox.recommend.OnlineSource;
import org.moodbox.recommend.SourceNotice;
import org.moodbox.youtube.PhoneLink;
import org.moodbox.youtube.PhoneLinks;
import org.moodbox.youtube.QrPng;

/**
 * The kiosk's side of handing a song to a phone: {@code GET /api/handoff/{id}} says where the QR code on the
 * back of a card leads, {@code GET /api/handoff/{id}/qr.png} is that code, drawn on the box; and
 * {@code GET /api/sources/notices} tells the screen when an online source is paused. All read-only GETs.
 */
public final class HandoffRoutes {
    /** The link depends on the owner's setting, which may change: the browser asks again after a minute. */
    static final String QR_CACHE = "private, max-age=60";

    private final TrackLookup tracks;
    private final Handoff handoff;

    public HandoffRoutes(TrackLookup tracks, Handoff handoff) {
        this.tracks = tracks;
        this.handoff = handoff;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/handoff/{id}", ctx -> {
            Track track = track(ctx);
            PhoneLink link = link(track);
            ctx.json(Map.of("trackId", track.id(), "url", link.url(), "service", link.service(),
                    "label", link.label(), "linkOnly", track.linkOnly(),
                    "qr", "/api/handoff/" + track.id() + "/qr.png"));
        });
        routes.get("/api/handoff/{id}/qr.png", ctx -> {
            PhoneLink link = link(track(ctx));
            ctx.header("Cache-Control", QR_CACHE).contentType("image/png").result(QrPng.of(link.url()));
        });
        routes.get("/api/sources/notices", ctx -> ctx.json(Map.of("notices", notices())));
    }

    private PhoneLink link(Track track) {
        return PhoneLinks.forTrack(track, handoff.phoneLink().get());
    }

    List<Map<String, Object>> notices() {
        return handoff.sources().stream().map(OnlineSource::notice).flatMap(java.util.Optional::stream)
                .map(HandoffRoutes::kioskView).toList();
    }

    private static Map<String, Object> kioskView(SourceNotice n) {
        return Map.of("source", n.source().key(), "message", n.kiosk());
    }

    private Track track(Context ctx) {
        String raw = ctx.pathParam("id");
        long id = JsonInput.asciiId(raw).orElseThrow(() -> ApiException.notFound("no track with id '"
                + ApiException.shortened(raw) + "'"));
        return tracks.byId(id).orElseThrow(() -> ApiException.notFound("no track with id " + id
                + " (the catalog may have changed; take new cards)"));
    }
}
