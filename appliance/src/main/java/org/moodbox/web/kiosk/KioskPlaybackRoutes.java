package org.moodbox.web.kiosk;

import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.JsonBody;
import org.moodbox.web.shared.LiveState;
import org.moodbox.web.shared.TrackFeedback;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.Player;
import org.moodbox.recommend.Recommendation;

/**
 * The now-playing bar's next, like and skip.
 *
 * <ul>
 * <li>next: the next queued track if any ({@code POST /api/queue}); else the card after the one playing, in
 *     the order the screen shows them (the first card when what plays is not among them); nothing is judged;</li>
 * <li>skip: "not this one": the playing track's play is marked skipped (the recommender weighs it down) and the
 *     next card plays;</li>
 * <li>like: the playing track's play is marked liked; the music goes on.</li>
 * </ul>
 * Like and skip name the track they judge ({@code {"trackId": 42}}), so a tap that crosses a track change on
 * the wire judges the song the listener saw, and a stale one is refused rather than applied to another song.
 */
public final class KioskPlaybackRoutes {
    private final LiveState live;
    private final Player player;
    private final TrackFeedback feedback;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public KioskPlaybackRoutes(LiveState live, Player player, TrackFeedback feedback,
                        com.fasterxml.jackson.databind.ObjectMapper json) {
        this.live = live;
        this.player = player;
        this.feedback = feedback;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/next", ctx -> next(ctx, false));
        routes.post("/api/skip", ctx -> next(ctx, true));
        routes.post("/api/like", this::like);
    }

    private void next(Context ctx, boolean skip) {
        Track playing = current();
        String notRecorded = null;
        if (skip) {
            long judged = judgedTrack(ctx, playing);
            try {
                judge(judged, -1);
            } catch (RuntimeException e) {
                // The skip still skips: only its verdict is lost, and the answer says so.
                if (!org.moodbox.device.StorageFull.noticeIf(e) && !(e instanceof org.moodbox.catalog.CatalogException)) {
                    throw e;
                }
                notRecorded = "the skip was not recorded: " + (org.moodbox.device.StorageFull.causedBy(e)
                        ? org.moodbox.device.StorageFull.MESSAGE : e.getMessage());
            }
        }
        if (notRecorded != null) {
            ctx.attribute(NOT_RECORDED, notRecorded);
        }
        // What the listener queued comes first; otherwise the screen's order of cards.
        if (player instanceof org.moodbox.playback.PlaybackQueue queue && !queue.upcoming().isEmpty()
                && queue.next().isPresent()) {
            ctx.json(answer(ctx));
            return;
        }
        List<Recommendation> cards = live.recommendations();
        Track next = following(cards, playing);
        if (next == null) {
            throw new ApiException(409, "there is no other song to play; tap \"More songs\"");
        }
        player.play(next);
        ctx.json(answer(ctx));
    }

    private static final String NOT_RECORDED = "moodbox.notRecorded";

    /** The playback, and what of the request could not be stored (a full SD card), if anything. */
    private Map<String, Object> answer(Context ctx) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("playback", live.playback());
        String notRecorded = ctx.attribute(NOT_RECORDED);
        if (notRecorded != null) {
            answer.put("notRecorded", notRecorded);
        }
        return answer;
    }

    private void like(Context ctx) {
        long judged = judgedTrack(ctx, current());
        judge(judged, 1);
        ctx.json(Map.of("liked", judged, "playback", live.playback()));
    }

    private Track current() {
        PlaybackState state = player.state();
        return state.status() == PlaybackState.Status.STOPPED ? null : state.track();
    }

    private long judgedTrack(Context ctx, Track playing) {
        long id = JsonBody.of(ctx, json, "{\"trackId\": 42}").requiredLong("trackId");
        if (playing == null) {
            throw new ApiException(409, "nothing is playing now");
        }
        if (playing.id() != id) {
            throw new ApiException(409, "that song is no longer playing; nothing was changed");
        }
        return id;
    }

    private void judge(long trackId, int verdict) {
        feedback.judge(trackId, verdict);
    }

    /** The card after the playing one, wrapping round; the first card when nothing on screen plays. */
    static Track following(List<Recommendation> cards, Track playing) {
        if (cards.isEmpty()) {
            return null;
        }
        int at = -1;
        for (int i = 0; i < cards.size(); i++) {
            if (playing != null && cards.get(i).track().id() == playing.id()) {
                at = i;
                break;
            }
        }
        for (int step = 1; step <= cards.size(); step++) {
            Track candidate = cards.get((at + step + cards.size()) % cards.size()).track();
            if (playing == null || candidate.id() != playing.id()) {
                return candidate;
            }
        }
        return null;
    }
}
