package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random catalogs, fixed seeds: invariants that must hold whatever the data. */
class RecommenderPropertiesTest {
    static final List<String> LANGUAGES = List.of("en", "es", "fr", "ja", "instrumental");

    static List<Track> randomCatalog(Random r, int n, int artists) {
        List<Track> tracks = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            // Skewed like Spotify energy (mostly high), with ties from rounding to 2 decimals.
            double energy = Math.round(Math.pow(r.nextDouble(), 0.5) * 100) / 100.0;
            tracks.add(new Track(i, SourceKind.IMPORT, "u" + i, "S" + i, "Artist " + r.nextInt(artists), null, null,
                    LANGUAGES.get(r.nextInt(LANGUAGES.size())), 200, false, null,
                    new Features(Math.round(r.nextDouble() * 100) / 100.0, energy, null, "imported")));
        }
        return tracks;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void filtersNeverLetAnExcludedArtistADisallowedLanguageOrAnExplicitTrackThrough(long seed) {
        Random r = new Random(seed);
        List<Track> tracks = randomCatalog(r, 500 + r.nextInt(3000), 5 + r.nextInt(40));
        Set<String> languages = new HashSet<>();
        for (String l : LANGUAGES) {
            if (r.nextBoolean()) {
                languages.add(l.toUpperCase(Locale.ROOT)); // case must not matter
            }
        }
        Set<String> excluded = new HashSet<>();
        Set<String> favourites = new HashSet<>();
        for (int a = 0; a < 45; a++) {
            int dice = r.nextInt(6);
            if (dice == 0) {
                excluded.add("artist " + a);
            } else if (dice == 1) {
                favourites.add("ARTIST " + a);
            }
        }
        // Excluding a favourite must still exclude it.
        excluded.add("Artist 1");
        favourites.add("Artist 1");
        Set<Long> explicit = new HashSet<>();
        for (Track t : tracks) {
            if (r.nextInt(4) == 0) {
                explicit.add(t.id());
            }
        }
        TrackFilter filter = new TrackFilter(languages, null, favourites, excluded, false);
        Strategy strategy = Strategy.values()[r.nextInt(3)];
        MoodRecommender recommender = new MoodRecommender(TrackSource.of(() -> tracks, explicit, PlayHistory.NONE),
                filter, StrategyPlan.always(strategy, 1 + r.nextInt(6)), 20);
        int total = 0;
        for (Emotion e : Emotion.values()) {
            List<Recommendation> picks = recommender.recommend(Mood.chosen(e, Instant.EPOCH), 1 + r.nextInt(30));
            total += picks.size();
            for (Recommendation p : picks) {
                Track t = p.track();
                assertThat(excluded).doesNotContain(t.artist().toLowerCase(Locale.ROOT));
                assertThat(explicit).doesNotContain(t.id());
                if (!languages.isEmpty()) {
                    assertThat(languages).contains(t.language().toUpperCase(Locale.ROOT));
                }
                assertThat(p.score()).isBetween(0.0, 1.0);
                assertThat(p.reason()).isNotBlank();
            }
            for (int i = 1; i < picks.size(); i++) {
                assertThat(picks.get(i).track().artist()).isNotEqualTo(picks.get(i - 1).track().artist());
            }
        }
        assertThat(total).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void liftMovesMonotonicallyTowardItsGoalOverItsSteps(long seed) {
        Random r = new Random(seed);
        List<Track> tracks = randomCatalog(r, 5000, 60);
        int steps = 3 + r.nextInt(5);
        MoodRecommender recommender = new MoodRecommender(TrackSource.of(() -> tracks), TrackFilter.ANY,
                StrategyPlan.always(Strategy.LIFT, steps), 20);
        for (Emotion e : List.of(Emotion.SAD, Emotion.ANGRY, Emotion.FEAR, Emotion.DISGUST)) {
            Mood mood = Mood.chosen(e, Instant.EPOCH);
            MoodTargets.Point goal = MoodTargets.liftGoal(e);
            double previous = Double.MAX_VALUE;
            double first = 0;
            // One request per track, as the kiosk asks: the recommender counts the steps itself.
            for (int step = 0; step <= steps; step++) {
                Track t = recommender.recommend(mood, 1).get(0).track();
                PerceivedMood.Point p = PerceivedMood.of(t.features());
                double d = goal.distance(p.valence(), p.arousal());
                if (step == 0) {
                    first = d;
                    double reach = tracks.stream().mapToDouble(x -> PerceivedMood.of(x.features())
                            .distanceTo(e.valence(), e.arousal())).min().orElseThrow();
                    assertThat(p.distanceTo(e.valence(), e.arousal())).as("%s: the first track meets the mood", e)
                            .isLessThan(reach + 0.1);
                }
                assertThat(d).as("%s step %d of %d: never a step back", e, step, steps).isLessThanOrEqualTo(previous);
                previous = d;
            }
            // Calm's point (V .74, A .08) is beyond what quiet music sounds like, so "arrives" means "much closer".
            assertThat(previous).as("%s ends much nearer its goal", e).isLessThan(first - 0.2);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void gridSearchFindsWhatAFullScanFinds(long seed) {
        Random r = new Random(seed);
        List<Track> tracks = randomCatalog(r, 200 + r.nextInt(20000), 3 + r.nextInt(300));
        FeatureIndex index = new FeatureIndex(tracks, Set.of());
        NearestSearch search = new NearestSearch(index);
        double[] bonus = new double[index.size];
        List<Integer> boosted = new ArrayList<>();
        for (int p = 0; p < index.size; p++) {
            int dice = r.nextInt(50);
            bonus[p] = dice == 0 ? 0.1 * r.nextDouble() : dice == 1 ? -0.2 * r.nextDouble() : 0;
            if (bonus[p] > 0) {
                boosted.add(p);
            }
        }
        int[] boostedArray = boosted.stream().mapToInt(Integer::intValue).toArray();
        NearestSearch.Bonus b = new NearestSearch.Bonus() {
            @Override
            public double of(int position) {
                return bonus[position];
            }

            @Override
            public int[] boosted() {
                return boostedArray;
            }
        };
        for (int q = 0; q < 200; q++) {
            double tv = r.nextDouble();
            double te = r.nextDouble();
            // Plain, arousal-weighted (calm) and rival-penalised (match) targets: the ring bound holds for all.
            MoodTargets.Point target = switch (q % 3) {
                case 0 -> new MoodTargets.Point(tv, te, 1, "plain");
                case 1 -> new MoodTargets.Point(tv, te, 1 + 20 * r.nextDouble(), "weighted");
                default -> new MoodTargets.Point(tv, te, 1, "rivals").apartFrom(Emotion.values()[q % 7],
                        new double[] {0.1, 0.05, 0.2, 0, 0.3, 0.02, 0.15});
            };
            int banned = r.nextInt(index.size);
            NearestSearch.Hit hit = search.best(target, p -> p != banned, b);
            int bestP = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < index.size; p++) {
                if (p == banned) {
                    continue;
                }
                double s = 1 - target.distance(index.valence[p], index.arousal[p]) / Math.sqrt(2) + bonus[p];
                if (s > bestScore || (s == bestScore && index.tracks[p].id() < index.tracks[bestP].id())) {
                    bestScore = s;
                    bestP = p;
                }
            }
            assertThat(hit.position()).as("query %d (%.3f, %.3f)", q, tv, te).isEqualTo(bestP);

            // Confined to a disc (a lift's "no further from the goal"): the same answer as a full scan.
            NearestSearch.Disc disc = new NearestSearch.Disc(r.nextDouble(), r.nextDouble(), 0.02 + 0.3 * r.nextDouble());
            java.util.function.IntPredicate inDisc = p -> p != banned
                    && Math.hypot(index.valence[p] - disc.valence(), index.arousal[p] - disc.arousal()) <= disc.radius();
            List<NearestSearch.Hit> confined = search.nearest(target, 1, inDisc, b, disc);
            int bestInDisc = -1;
            double bestInDiscScore = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < index.size; p++) {
                if (!inDisc.test(p)) {
                    continue;
                }
                double s = 1 - target.distance(index.valence[p], index.arousal[p]) / Math.sqrt(2) + bonus[p];
                if (s > bestInDiscScore || (s == bestInDiscScore && index.tracks[p].id() < index.tracks[bestInDisc].id())) {
                    bestInDiscScore = s;
                    bestInDisc = p;
                }
            }
            assertThat(confined.isEmpty() ? -1 : confined.get(0).position()).as("query %d in a disc", q)
                    .isEqualTo(bestInDisc);
        }
    }
}
