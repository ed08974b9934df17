package org.moodbox.recommend;

import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.importer.ColumnMapping;
import org.moodbox.catalog.importer.FeatureTableImporter;
import org.moodbox.catalog.SharedMusicData;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The strategies on the real 28,356-track TidyTuesday table (imported into a catalog, never copied into the
 * repo), judged on the perceived scale ({@link PerceivedMood}): match keeps moods apart, calm lowers arousal
 * first, lift meets the mood and never steps back. Found at $MOODBOX_SHARED_DATA/music or
 * ../../shared/data/music from the module; skipped with a message when absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedCatalogMatchTest {
    Catalog catalog;
    List<Track> tracks;
    double meanArousal;

    @BeforeAll
    void importShared(@TempDir Path dir) {
        Path table = SharedMusicData.require("catalog_tidytuesday_unique_tracks.csv.gz");
        catalog = Catalog.open(dir.resolve("catalog.db"));
        new FeatureTableImporter(catalog).importFile(table, ColumnMapping.defaultMapping());
        tracks = catalog.allTracks();
        meanArousal = tracks.stream().mapToDouble(t -> PerceivedMood.of(t.features()).arousal()).average().orElseThrow();
    }

    @AfterAll
    void close() {
        if (catalog != null) {
            catalog.close();
        }
    }

    private List<Recommendation> match(Emotion emotion, int limit) {
        return new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.MATCH)
                .recommend(Mood.chosen(emotion, Instant.EPOCH), limit);
    }

    @Test
    void happyAndSadPicksDifferInPerceivedValenceByAtLeastAThird() {
        double happy = MoodRecommenderTest.mean(match(Emotion.HAPPY, 10), true);
        double sad = MoodRecommenderTest.mean(match(Emotion.SAD, 10), true);
        System.out.printf("happy picks' perceived valence %.3f, sad %.3f%n", happy, sad);
        assertThat(happy - sad).isGreaterThanOrEqualTo(0.35);
    }

    @Test
    void angryFearAndSadShareAtMostAThirdOfThirtyPicks() {
        List<Emotion> apart = List.of(Emotion.ANGRY, Emotion.FEAR, Emotion.SAD);
        for (Emotion a : apart) {
            for (Emotion b : apart) {
                if (a.ordinal() < b.ordinal()) {
                    Set<Long> shared = ids(match(a, 30));
                    shared.retainAll(ids(match(b, 30)));
                    System.out.printf("%s and %s share %d of 30 picks%n", a, b, shared.size());
                    assertThat(shared.size()).as("%s and %s", a, b).isLessThanOrEqualTo(10);
                }
            }
        }
    }

    /** Each emotion's picks sit near its point: about as near as the table allows, and far nearer than average. */
    @ParameterizedTest
    @EnumSource(Emotion.class)
    void matchPicksSitNearTheirEmotion(Emotion emotion) {
        List<Recommendation> picks = match(emotion, 10);
        double picked = picks.stream().mapToDouble(r -> PerceivedMood.of(r.track().features())
                .distanceTo(emotion.valence(), emotion.arousal())).average().orElseThrow();
        double typical = tracks.stream().mapToDouble(t -> PerceivedMood.of(t.features())
                .distanceTo(emotion.valence(), emotion.arousal())).average().orElseThrow();
        double reach = tracks.stream().mapToDouble(t -> PerceivedMood.of(t.features())
                .distanceTo(emotion.valence(), emotion.arousal())).min().orElseThrow();
        System.out.printf("%s: picks %.3f from the point, the nearest track %.3f, the average track %.3f%n", emotion,
                picked, reach, typical);
        assertThat(picked).isLessThan(reach + 0.1).isLessThan(typical / 2);
    }

    @Test
    void calmLowersPerceivedArousalFirst() {
        List<Recommendation> calm = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.CALM)
                .recommend(Mood.chosen(Emotion.ANGRY, Instant.EPOCH), 10);
        double arousal = MoodRecommenderTest.mean(calm, false);
        double angryMatch = MoodRecommenderTest.mean(match(Emotion.ANGRY, 10), false);
        double quietest = tracks.stream().mapToDouble(t -> PerceivedMood.of(t.features()).arousal()).sorted()
                .limit(100).max().orElseThrow();
        System.out.printf("calm picks' perceived arousal %.3f (catalog %.3f, angry match %.3f, 100th quietest %.3f)%n",
                arousal, meanArousal, angryMatch, quietest);
        assertThat(arousal).isLessThan(meanArousal - 0.3).isLessThan(angryMatch - 0.3).isLessThan(quietest + 0.1);
    }

    /** Lift on the real table: it meets the mood, each track is no further from the goal, and it gets there. */
    @ParameterizedTest
    @EnumSource(value = Emotion.class, names = {"SAD", "ANGRY", "FEAR", "DISGUST"})
    void liftMeetsTheMoodThenStepsMonotonicallyTowardItsGoal(Emotion emotion) {
        int steps = StrategyPlan.DEFAULT_LIFT_STEPS;
        MoodRecommender recommender = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.LIFT);
        MoodTargets.Point goal = MoodTargets.liftGoal(emotion);
        Mood mood = Mood.chosen(emotion, Instant.EPOCH);
        StringBuilder path = new StringBuilder(emotion + " lift toward " + goal.label() + ", distance per step:");
        double previous = Double.MAX_VALUE;
        double first = 0;
        for (int step = 0; step <= steps; step++) {
            PerceivedMood.Point p = PerceivedMood.of(recommender.recommend(mood, 1).get(0).track().features());
            double d = goal.distance(p.valence(), p.arousal());
            path.append(String.format(" %.3f", d));
            if (step == 0) {
                first = d;
                double meet = p.distanceTo(emotion.valence(), emotion.arousal());
                double reach = tracks.stream().mapToDouble(t -> PerceivedMood.of(t.features())
                        .distanceTo(emotion.valence(), emotion.arousal())).min().orElseThrow();
                assertThat(meet).as("meets the mood as nearly as this table can (nearest %.3f): %s", reach, path)
                        .isLessThan(reach + 0.1);
            }
            assertThat(d).as(path.toString()).isLessThanOrEqualTo(previous);
            previous = d;
        }
        System.out.println(path);
        assertThat(previous).as(path.toString()).isLessThan(first - 0.3);
        if (goal.label().equals("content")) {
            assertThat(previous).as("content is reachable on this table: " + path).isLessThan(0.05);
        }
    }

    private static Set<Long> ids(List<Recommendation> picks) {
        Set<Long> ids = new HashSet<>();
        picks.forEach(r -> ids.add(r.track().id()));
        return ids;
    }
}
