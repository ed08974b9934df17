package org.moodbox.recommend;

import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.importer.ColumnMapping;
import org.moodbox.catalog.importer.FeatureTableImporter;
import org.moodbox.catalog.SharedMusicData;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On the real 28,356-track TidyTuesday table (imported into a catalog, never copied into the repo): for each
 * emotion, match picks tracks whose mean valence and energy lie on the emotion's side of the catalog medians.
 * Found at $MOODBOX_SHARED_DATA/music or ../../shared/data/music from the module; skipped when absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedCatalogMatchTest {
    Catalog catalog;
    List<Track> tracks;
    double medianValence;
    double medianEnergy;

    @BeforeAll
    void importShared(@TempDir Path dir) {
        Path table = SharedMusicData.require("catalog_tidytuesday_unique_tracks.csv.gz");
        catalog = Catalog.open(dir.resolve("catalog.db"));
        new FeatureTableImporter(catalog).importFile(table, ColumnMapping.defaultMapping());
        tracks = catalog.allTracks();
        medianValence = median(tracks.stream().mapToDouble(t -> t.features().valence()).toArray());
        medianEnergy = median(tracks.stream().mapToDouble(t -> t.features().energy()).toArray());
    }

    @AfterAll
    void close() {
        if (catalog != null) {
            catalog.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Emotion.class)
    void matchLandsInTheEmotionsQuadrant(Emotion emotion) {
        List<Recommendation> picks = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.MATCH)
                .recommend(Mood.chosen(emotion, Instant.EPOCH), 20);
        assertThat(picks).hasSize(20);
        double v = MoodRecommenderTest.mean(picks, true);
        double e = MoodRecommenderTest.mean(picks, false);
        String where = String.format("%s: mean valence %.3f (median %.3f), energy %.3f (median %.3f)",
                emotion, v, medianValence, e, medianEnergy);
        System.out.println(where);
        // Anchor above 0.5 means above the median, below means below. Disgust's arousal (.50) sits on the
        // median line, so only its valence side is asserted.
        if (emotion.valence() > 0.5) {
            assertThat(v).as(where).isGreaterThan(medianValence);
        } else {
            assertThat(v).as(where).isLessThan(medianValence);
        }
        if (emotion.arousal() > 0.5) {
            assertThat(e).as(where).isGreaterThan(medianEnergy);
        } else if (emotion.arousal() < 0.5) {
            assertThat(e).as(where).isLessThan(medianEnergy);
        }
    }

    /** Lift on the real table: each track is as close to the goal as the last or closer, and it arrives. */
    @ParameterizedTest
    @EnumSource(value = Emotion.class, names = {"SAD", "ANGRY", "FEAR", "DISGUST"})
    void liftMovesMonotonicallyTowardItsGoal(Emotion emotion) {
        int steps = StrategyPlan.DEFAULT_LIFT_STEPS;
        MoodRecommender recommender = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.LIFT);
        double[] vp = PercentileIndex.of(tracks, t -> t.features().valence());
        double[] ep = PercentileIndex.of(tracks, t -> t.features().energy());
        java.util.Map<Long, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            position.put(tracks.get(i).id(), i);
        }
        MoodTargets.Point goal = MoodTargets.liftGoal(emotion);
        Mood mood = Mood.chosen(emotion, Instant.EPOCH);
        StringBuilder path = new StringBuilder(emotion + " lift toward " + goal.label() + ", distance per step:");
        double previous = Double.MAX_VALUE;
        double first = 0;
        for (int step = 0; step <= steps; step++) {
            int i = position.get(recommender.recommend(mood, 1).get(0).track().id());
            double d = Math.hypot(vp[i] - goal.valence(), ep[i] - goal.energy());
            path.append(String.format(" %.3f", d));
            if (step == 0) {
                first = d;
            }
            assertThat(d).as(path.toString()).isLessThanOrEqualTo(previous + 0.01);
            previous = d;
        }
        System.out.println(path);
        assertThat(previous).as(path.toString()).isLessThan(0.02).isLessThan(first - 0.2);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
