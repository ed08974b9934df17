package org.moodbox.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.moodbox.catalog.Catalog;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.PerceivedMood;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.PlayHistory;
import org.moodbox.model.Strategy;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackSource;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.model.Emotion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moodbox recommend --emotion happy}: one JSON object per recommended track on stdout. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend tracks from the catalog for an emotion, as JSON lines on stdout.")
public final class RecommendCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    DataDirOption data;

    @Option(names = "--emotion", required = true, paramLabel = "E",
            description = "angry, disgust, fear, happy, sad, surprise or neutral")
    String emotion;

    @Option(names = "--language", paramLabel = "L", description = "only this language (e.g. en, instrumental)")
    String language;

    @Option(names = "--artist", paramLabel = "A", description = "only this artist")
    String artist;

    @Option(names = "--strategy", paramLabel = "S",
            description = "match (stay with the mood), lift (start at the mood, move toward a better one) or calm;"
                    + " default: the owner's plan (sad lift, angry and fear calm, others match)")
    String strategy;

    @Option(names = "--lift-steps", defaultValue = "5", paramLabel = "N",
            description = "tracks a lift takes to reach its goal (default: ${DEFAULT-VALUE})")
    int liftSteps;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N", description = "at most N tracks (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        Mood mood = Mood.chosen(Emotion.parse(emotion), Instant.now());
        PrintWriter out = spec.commandLine().getOut();
        TrackFilter filter = new TrackFilter(language, artist);
        try (Catalog catalog = Catalog.open(data.catalogFile())) {
            StrategyPlan plan = strategy == null ? new StrategyPlan(StrategyPlan.defaults().byEmotion(), liftSteps)
                    : StrategyPlan.always(Strategy.parse(strategy), liftSteps);
            List<Recommendation> picks = new MoodRecommender(TrackSource.of(catalog), filter, plan,
                    PlayHistory.DEFAULT_WINDOW).recommend(mood, limit);
            if (picks.isEmpty()) {
                spec.commandLine().getErr().println("moodbox: no tracks to recommend: catalog " + catalog.file()
                        + " has " + catalog.trackCount() + " tracks, none with features that match " + filter);
                return 1;
            }
            int rank = 1;
            for (Recommendation r : picks) {
                out.println(JSON.writeValueAsString(asJson(rank++, r)));
            }
            out.flush();
            return 0;
        }
    }

    private static Map<String, Object> asJson(int rank, Recommendation r) {
        Track t = r.track();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("id", t.id());
        m.put("title", t.title());
        m.put("artist", t.artist());
        m.put("album", t.album());
        m.put("uri", t.uri());
        m.put("source", t.source().key());
        m.put("language", t.language());
        m.put("durationSeconds", Math.round(t.durationSeconds() * 10) / 10.0);
        m.put("valence", t.features().valence());
        m.put("energy", t.features().energy());
        m.put("tempo", t.features().tempo());
        PerceivedMood.Point perceived = PerceivedMood.of(t.features());
        m.put("perceivedValence", Math.round(perceived.valence() * 1000) / 1000.0);
        m.put("perceivedArousal", Math.round(perceived.arousal() * 1000) / 1000.0);
        m.put("provenance", t.features().provenance());
        m.put("hasArtwork", t.hasArtwork());
        m.put("attribution", t.attribution());
        m.put("score", r.score());
        m.put("reason", r.reason());
        return m;
    }
}
