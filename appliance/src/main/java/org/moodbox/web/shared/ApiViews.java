package org.moodbox.web.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.playback.PlaybackState;
import org.moodbox.recommend.Recommendation;
import org.moodbox.settings.ScreenSchedule;
import org.moodbox.settings.Settings;
import org.moodbox.model.Emotion;

/**
 * The JSON the pages see, in one place. The rooms' records are not sent as they are, so that a field added
 * to them never reaches a browser by accident: the mood goes out as numbers only (no frame, no face box),
 * a track without its file path.
 */
public final class ApiViews {
    private ApiViews() {
    }

    public record MoodView(String emotion, double confidence, double valence, double arousal, boolean present,
                           boolean sure, String source, Map<String, Double> probabilities, String at) {
        public static MoodView of(Mood mood) {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (Emotion e : Emotion.values()) {
                Double p = mood.probabilities().get(e);
                if (p != null) {
                    probabilities.put(e.label(), p);
                }
            }
            return new MoodView(mood.label(), mood.confidence(), mood.valence(), mood.arousal(), mood.present(),
                    mood.sure(), mood.source(), probabilities, mood.at() == null ? null : mood.at().toString());
        }
    }

    /** @param linkOnly the box cannot play it, only show its link as a QR code (a YouTube video) */
    public record TrackView(long id, String title, String artist, String album, Integer year,
                            double durationSeconds, String attribution, String artwork, boolean linkOnly) {
        public static TrackView of(Track track) {
            return track == null ? null : new TrackView(track.id(), track.title(), track.artist(), track.album(),
                    track.year(), track.durationSeconds(), track.attribution(), "/api/artwork/" + track.id(),
                    track.linkOnly());
        }
    }

    public record RecommendationView(TrackView track, double score, String reason) {
        public static List<RecommendationView> of(List<Recommendation> recommendations) {
            return recommendations.stream()
                    .map(r -> new RecommendationView(TrackView.of(r.track()), r.score(), r.reason()))
                    .toList();
        }
    }

    /**
     * @param version grows with every change the player announced; a page keeps the highest it has seen, so a
     *                slow answer to a tap can never overwrite a newer live event
     */
    public record PlaybackView(String status, TrackView track, double positionSeconds, double volume,
                               double volumeCap, String output, String error, long version) {
        /** @param volumeCap the loudest the listener may turn it now: the kiosk's slider ends there */
        public static PlaybackView of(PlaybackState state, double volumeCap, long version) {
            return new PlaybackView(state.status().name().toLowerCase(java.util.Locale.ROOT),
                    TrackView.of(state.track()), state.positionSeconds(), state.volume(), volumeCap, state.output(),
                    state.error(), version);
        }
    }

    /**
     * @param settings what of the owner's settings the kiosk page needs (the night-dim schedule), null on a
     *                 server without the owner's sign-in (which holds the settings)
     */
    public record StateView(MoodView mood, List<RecommendationView> recommendations, PlaybackView playback,
                            long catalogSize, boolean cameraOn, KioskSettingsView settings) {
    }

    /**
     * The owner's settings the kiosk screen acts on, and nothing else of them (no artists, no camera). The page
     * dims itself by its own clock, which is the box's clock: the kiosk browser runs on the box.
     */
    public record KioskSettingsView(ScreenScheduleView screenSchedule) {
        public static KioskSettingsView of(Settings settings) {
            ScreenSchedule s = settings.screenSchedule();
            return new KioskSettingsView(new ScreenScheduleView(s.nightDimStart(), s.nightDimEnd()));
        }
    }

    /** "HH:mm" local times; the period may cross midnight, equal times mean never dim. */
    public record ScreenScheduleView(String nightDimStart, String nightDimEnd) {
    }
}
