package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategies, the owner's plan, and what the plays table does to the next pick, over a real catalog file. */
class StrategiesAndHistoryTest {
    @TempDir
    Path dir;
    Catalog catalog;

    /** A 12x12 valence/energy grid, 9 artists; every 7th track explicit. */
    @BeforeEach
    void fill() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        int n = 0;
        for (int v = 0; v < 12; v++) {
            for (int e = 0; e < 12; e++) {
                n++;
                catalog.upsert(new CatalogEntry(SourceKind.IMPORT, "spotify:track:" + n, "Song " + n, "Artist " + (n % 9),
                        null, null, "en", List.of(), 200, n % 7 == 0, null, null,
                        new Features(v / 11.0, e / 11.0, 110.0, "imported"), null, null));
            }
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        catalog.close();
    }

    MoodRecommender recommender(TrackFilter filter, StrategyPlan plan) {
        return new MoodRecommender(TrackSource.of(catalog), filter, plan, PlayHistory.DEFAULT_WINDOW);
    }

    static Mood mood(Emotion e) {
        return Mood.chosen(e, Instant.EPOCH);
    }

    @Test
    void calmLowersArousalFirstThenTakesTheBrightestAndSaysSo() {
        List<Recommendation> calm = recommender(TrackFilter.ANY, StrategyPlan.always(Strategy.CALM, 5))
                .recommend(mood(Emotion.ANGRY), 5);
        List<Recommendation> match = recommender(TrackFilter.ANY, StrategyPlan.always(Strategy.MATCH, 5))
                .recommend(mood(Emotion.ANGRY), 5);
        assertThat(MoodRecommenderTest.meanEnergy(calm)).isLessThan(0.1);
        assertThat(MoodRecommenderTest.mean(calm, false)).isLessThan(0.1);
        assertThat(calm).allSatisfy(r -> assertThat(r.track().features().valence()).as("the brightest quiet tracks")
                .isGreaterThan(0.6));
        assertThat(MoodRecommenderTest.mean(match, false)).isGreaterThan(0.5);
        assertThat(calm.get(0).reason()).endsWith(", to calm your angry mood");
    }

    @Test
    void defaultPlanLiftsSadCalmsAngryAndMatchesHappy() {
        StrategyPlan plan = StrategyPlan.defaults();
        assertThat(plan.strategyFor(Emotion.SAD)).isEqualTo(Strategy.LIFT);
        assertThat(plan.strategyFor(Emotion.ANGRY)).isEqualTo(Strategy.CALM);
        assertThat(plan.strategyFor(Emotion.FEAR)).isEqualTo(Strategy.CALM);
        assertThat(plan.strategyFor(Emotion.HAPPY)).isEqualTo(Strategy.MATCH);
        MoodRecommender r = recommender(TrackFilter.ANY, plan);
        assertThat(r.recommend(mood(Emotion.HAPPY), 1).get(0).reason()).endsWith("to match your happy mood");
        assertThat(r.recommend(mood(Emotion.FEAR), 1).get(0).reason()).endsWith("to calm your fear mood");
    }

    @Test
    void liftCountsStepsPerRequestAndStartsOverWhenTheMoodChanges() {
        MoodRecommender r = recommender(TrackFilter.ANY, StrategyPlan.always(Strategy.LIFT, 3));
        assertThat(r.recommend(mood(Emotion.SAD), 1).get(0).reason())
                .endsWith("to meet your sad mood before moving toward content");
        assertThat(r.recommend(mood(Emotion.SAD), 1).get(0).reason()).endsWith(": a step from sad toward content");
        r.recommend(mood(Emotion.SAD), 1);
        assertThat(r.recommend(mood(Emotion.SAD), 1).get(0).reason())
                .endsWith(": content, where the lift from sad was heading");
        assertThat(r.recommend(mood(Emotion.ANGRY), 1).get(0).reason())
                .endsWith("to meet your angry mood before moving toward calm");
        // Within one list the items walk the path: valence rises from the sad corner.
        List<Recommendation> path = recommender(TrackFilter.ANY, StrategyPlan.always(Strategy.LIFT, 3))
                .recommend(mood(Emotion.SAD), 4);
        assertThat(path.get(3).track().features().valence()).isGreaterThan(path.get(0).track().features().valence() + 0.4);
    }

    @Test
    void noRepeatWithinTheWindowAndNotTheLastPlayedArtist() {
        MoodRecommender r = recommender(TrackFilter.ANY, StrategyPlan.always(Strategy.MATCH, 5));
        Recommendation first = r.recommend(mood(Emotion.HAPPY), 1).get(0);
        catalog.recordPlay(first.track().id(), "happy", 0);
        Recommendation second = r.recommend(mood(Emotion.HAPPY), 1).get(0);
        assertThat(second.track().id()).isNotEqualTo(first.track().id());
        assertThat(second.track().artist()).isNotEqualTo(first.track().artist());
        assertThat(catalog.recentTrackIds(5)).containsExactly(first.track().id());
    }

    @Test
    void skipsSinkATrackAndLikesAndFavouritesLiftOne() {
        MoodRecommender r = recommender(TrackFilter.ANY, StrategyPlan.always(Strategy.MATCH, 5));
        List<Recommendation> before = r.recommend(mood(Emotion.NEUTRAL), 3);
        long top = before.get(0).track().id();
        // Three skips, then enough other plays to leave the no-repeat window: the track is still gone.
        for (int i = 0; i < 3; i++) {
            catalog.recordPlay(top, "neutral", -1);
        }
        for (int i = 0; i < PlayHistory.DEFAULT_WINDOW; i++) {
            catalog.recordPlay(144 - i, "happy", null);
        }
        assertThat(r.recommend(mood(Emotion.NEUTRAL), 3)).noneMatch(x -> x.track().id() == top);

        // A liked track from the far side of the plane is not rescued by a like alone...
        long far = 144; // valence 1, energy 1
        catalog.recordPlay(far, "happy", 1);
        assertThat(r.recommend(mood(Emotion.SAD), 3)).noneMatch(x -> x.track().id() == far);

        // ...but a favourite artist moves up among tracks that fit about as well.
        // (An early card, not the last: cards after the first are spread over the features on purpose, so later
        // ones may fit up to Diversity.TOLERANCE worse. Not the artist just played, who cannot come next.)
        List<Recommendation> plain = r.recommend(mood(Emotion.NEUTRAL), 6);
        String lastPlayedArtist = catalog.track(far).orElseThrow().artist();
        String fav = plain.stream().skip(1).map(x -> x.track().artist()).filter(a -> !a.equals(lastPlayedArtist))
                .findFirst().orElseThrow();
        List<Recommendation> boosted = recommender(TrackFilter.ANY.withFavourites(Set.of(fav.toUpperCase())),
                StrategyPlan.always(Strategy.MATCH, 5)).recommend(mood(Emotion.NEUTRAL), 6);
        assertThat(boosted.get(0).track().artist()).isEqualTo(fav);
    }

    @Test
    void explicitOffAndExcludedArtistsOverARealCatalog() {
        TrackFilter filter = TrackFilter.ANY.withExplicit(false).withExcluded(Set.of("artist 4", "ARTIST 5"));
        List<Recommendation> picks = recommender(filter, StrategyPlan.defaults()).recommend(mood(Emotion.HAPPY), 40);
        assertThat(picks).hasSize(40);
        Set<Long> explicit = catalog.explicitTrackIds();
        assertThat(explicit).hasSize(144 / 7);
        assertThat(picks).noneMatch(p -> explicit.contains(p.track().id()))
                .noneMatch(p -> p.track().artist().equals("Artist 4") || p.track().artist().equals("Artist 5"));
    }

    @Test
    void playTalliesCountLikesSkipsAndFullPlays() {
        catalog.recordPlay(3, "sad", 1);
        catalog.recordPlay(3, "sad", 1);
        catalog.recordPlay(3, "sad", 0);
        catalog.recordPlay(3, "sad", null);
        catalog.recordPlay(4, "sad", -1);
        assertThat(catalog.playTallies()).containsExactlyInAnyOrder(
                new org.moodbox.catalog.PlayTally(3, 2, 0, 1), new org.moodbox.catalog.PlayTally(4, 0, 1, 0));
        assertThat(catalog.recentTrackIds(2)).containsExactly(4L, 3L);
    }
}
