package org.moodbox.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.moodbox.catalog.Catalog;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.PerceivedMood;
import org.moodbox.recommend.PlayHistory;
import org.moodbox.recommend.Recommendation;
import org.moodbox.model.Strategy;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.recommend.TrackSource;
import org.moodbox.model.Emotion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How well an imported catalog covers each mood, on the perceived scale ({@link PerceivedMood}): per emotion
 * the mean perceived valence and arousal of the match picks and their distance to the emotion's point; how
 * much the lists of different emotions overlap; and the paths of calm and lift, track by track. Reads the
 * catalog only (no plays recorded), so an owner can run it on the box's own library.
 */
@Command(name = "music", mixinStandardHelpOptions = true,
        description = {"How well the catalog covers each mood: mean perceived valence/arousal of the picks per",
                "emotion, distance to the emotion's point, overlap between emotions, calm's and lift's paths."})
public final class EvalMusic implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
            description = "picks per emotion for the means (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--overlap-limit", defaultValue = "30", paramLabel = "N",
            description = "picks per emotion for the overlap table (default: ${DEFAULT-VALUE})")
    int overlapLimit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Catalog catalog = Catalog.open(data.catalogFile())) {
            List<Track> tracks = catalog.allTracks().stream().filter(t -> t.features() != null).toList();
            if (tracks.isEmpty()) {
                spec.commandLine().getErr().println("moodbox: catalog " + catalog.file() + " has no tracks with features");
                return 1;
            }
            double[] all = means(tracks);
            out.printf(Locale.ROOT, "catalog %s: %d tracks with features; perceived valence %.3f, arousal %.3f on average%n",
                    catalog.file(), tracks.size(), all[0], all[1]);
            out.printf(Locale.ROOT, "%n%d match picks per emotion%n", limit);
            out.printf(Locale.ROOT, "%-9s %9s %9s %9s %9s %9s %s%n", "emotion", "target V", "target A", "picks V",
                    "picks A", "distance", "first card");
            for (Emotion e : Emotion.values()) {
                List<Recommendation> picks = recommender(tracks, Strategy.MATCH).recommend(mood(e), limit);
                double[] m = means(picks.stream().map(Recommendation::track).toList());
                out.printf(Locale.ROOT, "%-9s %9.2f %9.2f %9.3f %9.3f %9.3f %s%n", e.label(), e.valence(), e.arousal(),
                        m[0], m[1], meanDistance(picks, e.valence(), e.arousal()),
                        picks.isEmpty() ? "-" : picks.get(0).reason());
            }
            overlaps(out, tracks);
            out.printf(Locale.ROOT, "%ncalm (%d tracks, any mood): perceived valence/arousal per track%n", limit);
            path(out, recommender(tracks, Strategy.CALM).recommend(mood(Emotion.ANGRY), limit));
            for (Emotion e : List.of(Emotion.SAD, Emotion.ANGRY, Emotion.FEAR, Emotion.DISGUST)) {
                out.printf(Locale.ROOT, "lift from %s (%d steps, one request per track): ", e.label(),
                        StrategyPlan.DEFAULT_LIFT_STEPS + 1);
                MoodRecommender lift = recommender(tracks, Strategy.LIFT);
                List<Recommendation> steps = new ArrayList<>();
                for (int i = 0; i <= StrategyPlan.DEFAULT_LIFT_STEPS; i++) {
                    steps.addAll(lift.recommend(mood(e), 1));
                }
                path(out, steps);
            }
            out.flush();
            return 0;
        }
    }

    private void overlaps(PrintWriter out, List<Track> tracks) {
        Map<Emotion, Set<Long>> ids = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            Set<Long> set = new HashSet<>();
            recommender(tracks, Strategy.MATCH).recommend(mood(e), overlapLimit).forEach(r -> set.add(r.track().id()));
            ids.put(e, set);
        }
        out.printf(Locale.ROOT, "%nshared tracks between the %d match picks of two emotions%n%-9s", overlapLimit, "");
        for (Emotion e : Emotion.values()) {
            out.printf(Locale.ROOT, " %8s", e.label());
        }
        out.println();
        for (Emotion a : Emotion.values()) {
            out.printf(Locale.ROOT, "%-9s", a.label());
            for (Emotion b : Emotion.values()) {
                Set<Long> shared = new HashSet<>(ids.get(a));
                shared.retainAll(ids.get(b));
                out.printf(Locale.ROOT, " %8s", a == b ? "-" : String.valueOf(shared.size()));
            }
            out.println();
        }
    }

    private static void path(PrintWriter out, List<Recommendation> picks) {
        StringBuilder s = new StringBuilder();
        for (Recommendation r : picks) {
            PerceivedMood.Point p = PerceivedMood.of(r.track().features());
            s.append(String.format(Locale.ROOT, " (%.2f, %.2f)", p.valence(), p.arousal()));
        }
        out.println(s.toString().trim());
        if (!picks.isEmpty()) {
            out.println("   first card: " + picks.get(0).reason());
            out.println("   last card:  " + picks.get(picks.size() - 1).reason());
        }
    }

    private static MoodRecommender recommender(List<Track> tracks, Strategy strategy) {
        return new MoodRecommender(TrackSource.of(() -> tracks), TrackFilter.ANY,
                StrategyPlan.always(strategy, StrategyPlan.DEFAULT_LIFT_STEPS), PlayHistory.DEFAULT_WINDOW);
    }

    private static Mood mood(Emotion e) {
        return Mood.chosen(e, Instant.EPOCH);
    }

    private static double[] means(List<Track> tracks) {
        double v = 0;
        double a = 0;
        for (Track t : tracks) {
            PerceivedMood.Point p = PerceivedMood.of(t.features());
            v += p.valence();
            a += p.arousal();
        }
        return new double[] {v / Math.max(1, tracks.size()), a / Math.max(1, tracks.size())};
    }

    private static double meanDistance(List<Recommendation> picks, double v, double a) {
        return picks.stream().mapToDouble(r -> PerceivedMood.of(r.track().features()).distanceTo(v, a))
                .average().orElse(Double.NaN);
    }
}
