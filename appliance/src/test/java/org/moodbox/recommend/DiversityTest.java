package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;

class DiversityTest {
    /** Random tracks, each by its own artist, so only diversity (not the artist rule) can spread the cards. */
    private static List<Track> catalog(Random r, int n) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            tracks.add(track(i, r.nextDouble(), r.nextDouble(), 60 + 120 * r.nextDouble()));
        }
        return tracks;
    }

    private static Track track(long id, double valence, double energy, double tempo) {
        return new Track(id, SourceKind.IMPORT, "u" + id, "S" + id, "Artist " + id, null, null, "en", 200, false, null,
                new Features(valence, energy, tempo, "imported"));
    }

    @Test
    void clonesOfOneSongDoNotFillTheCards() {
        Random r = new Random(7);
        List<Track> tracks = catalog(r, 3000);
        // Twelve copies of the best happy song (remasters, compilations), at exactly its features.
        Features best = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.MATCH)
                .recommend(Mood.chosen(Emotion.HAPPY, Instant.EPOCH), 1).get(0).track().features();
        for (int i = 0; i < 12; i++) {
            tracks.add(track(10_000 + i, best.valence(), best.energy(), best.tempo()));
        }
        MoodRecommender recommender = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.MATCH);

        List<Recommendation> cards = recommender.recommend(Mood.chosen(Emotion.HAPPY, Instant.EPOCH), 8);

        assertThat(cards).hasSize(8);
        // The original and its twelve copies are thirteen identical songs.
        long copies = cards.stream().filter(c -> c.track().features().equals(best)).count();
        assertThat(copies).as("one copy is the best match; the others add nothing").isEqualTo(1);
        assertThat(cards.get(0).track().features()).as("the best match still comes first").isEqualTo(best);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void cardsSpreadOverTheFeaturesWithoutLeavingTheMood(long seed) {
        Random r = new Random(seed);
        List<Track> tracks = catalog(r, 2000 + r.nextInt(20000));
        FeatureIndex index = new FeatureIndex(tracks, Set.of());
        Emotion emotion = Emotion.values()[r.nextInt(Emotion.values().length)];
        Mood mood = Mood.chosen(emotion, Instant.EPOCH);
        MoodRecommender recommender = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.MATCH);

        List<Recommendation> cards = recommender.recommend(mood, 8);

        // The eight plain nearest tracks, by brute force: what the cards would be without diversity.
        List<Integer> nearest = new ArrayList<>();
        for (int p = 0; p < index.size; p++) {
            nearest.add(p);
        }
        nearest.sort(Comparator.comparingDouble(p -> Math.hypot(index.valence[p] - mood.valence(),
                index.arousal[p] - mood.arousal())));
        double bestFit = 1 - Math.hypot(index.valence[nearest.get(0)] - mood.valence(),
                index.arousal[nearest.get(0)] - mood.arousal()) / Math.sqrt(2);
        List<Integer> plain = nearest.subList(0, 8);
        List<Integer> chosen = cards.stream().map(c -> positionOf(index, c.track())).toList();

        assertThat(spread(index, chosen)).as("%s: closest pair of cards vs plain nearest", emotion)
                .isGreaterThan(spread(index, plain));
        for (Recommendation c : cards) {
            assertThat(c.score()).as("every card stays within the tolerance of the best fit")
                    .isGreaterThanOrEqualTo(bestFit - Diversity.TOLERANCE - 1e-9);
        }
    }

    /** The distance between the closest two of the positions, over perceived valence, arousal and tempo percentile. */
    private static double spread(FeatureIndex index, List<Integer> positions) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < positions.size(); i++) {
            for (int j = i + 1; j < positions.size(); j++) {
                int p = positions.get(i);
                int q = positions.get(j);
                min = Math.min(min, Math.sqrt(Math.pow(index.valence[p] - index.valence[q], 2)
                        + Math.pow(index.arousal[p] - index.arousal[q], 2) + Math.pow(index.tempo[p] - index.tempo[q], 2)));
            }
        }
        return min;
    }

    private static int positionOf(FeatureIndex index, Track t) {
        return index.positionOf(t.id());
    }

}
