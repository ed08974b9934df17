package org.moodbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.moodbox.catalog.PlayTally;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.PlayHistory;
import org.moodbox.model.Strategy;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.bench.SyntheticCatalog;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.recommend.TrackSource;
import org.moodbox.model.Emotion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code moodbox bench recommend|vision}: hot-path benchmarks, each printing a table and one JSON line of
 * figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of hot paths.",
        subcommands = {BenchCommand.Recommend.class, BenchVision.class, BenchEmotion.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Times recommendation requests on one thread over a synthetic in-memory catalog: a realistic request
     * (random emotion, 20 recent plays, 50 tracks with feedback, 3 favourite and 3 excluded artists,
     * explicit off), per strategy, after a warm-up so the figures are the steady state, not the JIT.
     */
    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = "Latency of recommend() per strategy over a synthetic catalog.")
    static final class Recommend implements Callable<Integer> {
        @Option(names = "--tracks", defaultValue = "1000000", description = "catalog size (default: ${DEFAULT-VALUE})")
        int tracks;

        @Option(names = "--requests", defaultValue = "2000", description = "timed requests per strategy (default: ${DEFAULT-VALUE})")
        int requests;

        @Option(names = "--limit", defaultValue = "10", description = "tracks per request (default: ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--seed", defaultValue = "42")
        long seed;

        @Option(names = "--distribution", paramLabel = "CSV_GZ",
                description = "real table to draw from (default: $MOODBOX_SHARED_DATA/music or ../shared/data/music"
                        + " catalog_tidytuesday_unique_tracks.csv.gz)")
        Path distribution;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            SyntheticCatalog synthetic = SyntheticCatalog.from(distribution == null ? defaultTable() : distribution);
            out.println("catalog: " + tracks + " synthetic tracks, " + synthetic.description());
            long t0 = System.nanoTime();
            Set<Long> explicit = new HashSet<>();
            List<Track> catalog = synthetic.tracks(tracks, seed, explicit);
            Random r = new Random(seed);
            PlayHistory history = history(r, catalog.size());
            TrackFilter filter = new TrackFilter(Set.of(), null, Set.of("Artist 7", "Artist 99", "Artist 1234"),
                    Set.of("Artist 3", "Artist 42", "Artist 777"), false);
            TrackSource source = TrackSource.of(() -> catalog, explicit, history);
            double generateMs = (System.nanoTime() - t0) / 1e6;
            out.printf("generated in %.0f ms; %d requests of %d tracks per strategy, one thread%n%n",
                    generateMs, requests, limit);
            out.printf("%-8s %10s %9s %9s %9s %9s%n", "strategy", "index ms", "p50 ms", "p95 ms", "p99 ms", "max ms");
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("tracks", tracks);
            figures.put("requests", requests);
            figures.put("limit", limit);
            figures.put("distribution", synthetic.description());
            for (Strategy s : Strategy.values()) {
                MoodRecommender recommender = new MoodRecommender(source, filter,
                        StrategyPlan.always(s, StrategyPlan.DEFAULT_LIFT_STEPS), PlayHistory.DEFAULT_WINDOW);
                long b0 = System.nanoTime();
                recommender.recommend(Mood.chosen(Emotion.NEUTRAL, Instant.EPOCH), 1); // builds the index
                double indexMs = (System.nanoTime() - b0) / 1e6;
                for (int i = 0; i < Math.min(2000, requests); i++) {
                    recommender.recommend(randomMood(r, s, i), limit); // warm-up, untimed
                }
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    Mood mood = randomMood(r, s, i);
                    long q0 = System.nanoTime();
                    recommender.recommend(mood, limit);
                    ms[i] = (System.nanoTime() - q0) / 1e6;
                }
                Arrays.sort(ms);
                double p50 = pct(ms, 0.50);
                double p95 = pct(ms, 0.95);
                double p99 = pct(ms, 0.99);
                out.printf("%-8s %10.0f %9.3f %9.3f %9.3f %9.3f%n", s.label(), indexMs, p50, p95, p99, ms[ms.length - 1]);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("indexMs", round(indexMs));
                f.put("p50Ms", round(p50));
                f.put("p95Ms", round(p95));
                f.put("p99Ms", round(p99));
                f.put("maxMs", round(ms[ms.length - 1]));
                figures.put(s.label(), f);
            }
            out.println();
            out.println(new ObjectMapper().writeValueAsString(figures));
            out.flush();
            return 0;
        }

        /** Lift is timed as a session: the same mood for a while (steps advance), then a change (reset). */
        private static Mood randomMood(Random r, Strategy s, int request) {
            Emotion[] all = Emotion.values();
            Emotion e = s == Strategy.LIFT ? all[(request / 7) % all.length] : all[r.nextInt(all.length)];
            return Mood.chosen(e, Instant.EPOCH);
        }

        private static PlayHistory history(Random r, int size) {
            List<Long> recent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                recent.add(1 + (long) r.nextInt(size));
            }
            List<PlayTally> tallies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                tallies.add(new PlayTally(1 + r.nextInt(size), r.nextInt(3), r.nextInt(2), r.nextInt(4)));
            }
            return new PlayHistory(recent, tallies);
        }

        /** Without $MOODBOX_SHARED_DATA ({@link EnvironmentDefaults}): beside a checkout, as the workplace keeps it. */
        private static Path defaultTable() {
            return Path.of("../shared/data", EnvironmentDefaults.MUSIC_TABLE);
        }

        private static double pct(double[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }
}
