package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodRecommenderTest {
    @TempDir
    Path dir;

    /** A 10x10 grid of valence/energy, 5 artists, languages en and es: a catalog with a real spread. */
    static List<Track> grid(double energyLow, double energyHigh) {
        List<Track> tracks = new ArrayList<>();
        long id = 1;
        for (int v = 0; v < 10; v++) {
            for (int e = 0; e < 10; e++) {
                double energy = energyLow + (energyHigh - energyLow) * e / 9.0;
                tracks.add(new Track(id, SourceKind.IMPORT, "spotify:track:" + id, "Song " + id, "Artist " + (id % 5),
                        null, null, id % 2 == 0 ? "en" : "es", 180, false, null,
                        new Features(v / 9.0, energy, 120.0, "imported")));
                id++;
            }
        }
        return tracks;
    }

    static Mood mood(Emotion e) {
        return Mood.chosen(e, Instant.EPOCH);
    }

    /** Mean perceived valence (or arousal) of the picks. */
    static double mean(List<Recommendation> picks, boolean valence) {
        return picks.stream().map(r -> PerceivedMood.of(r.track().features()))
                .mapToDouble(p -> valence ? p.valence() : p.arousal()).average().orElseThrow();
    }

    static double meanEnergy(List<Recommendation> picks) {
        return picks.stream().mapToDouble(r -> r.track().features().energy()).average().orElseThrow();
    }

    @Test
    void happyGetsBrighterAndLivelierMusicThanSad() {
        MoodRecommender recommender = new MoodRecommender(() -> grid(0, 1), TrackFilter.ANY, Strategy.MATCH);
        List<Recommendation> happy = recommender.recommend(mood(Emotion.HAPPY), 5);
        List<Recommendation> sad = recommender.recommend(mood(Emotion.SAD), 5);
        assertThat(happy).hasSize(5);
        assertThat(sad).hasSize(5);
        assertThat(mean(happy, true)).isGreaterThan(mean(sad, true) + 0.5);
        assertThat(mean(happy, false)).isGreaterThan(mean(sad, false) + 0.2);
        assertThat(happy).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 1.0));
        assertThat(happy.get(0).reason()).startsWith("Bright and").endsWith(", to match your happy mood");
        assertThat(sad.get(0).reason()).contains("Melancholy and");
        for (Recommendation r : sad) {
            if (r.reason().startsWith("Melancholy")) {
                assertThat(PerceivedMood.of(r.track().features()).valence()).as("melancholy means low perceived valence")
                        .isLessThanOrEqualTo(ReasonWriter.MELANCHOLY);
            }
        }
        assertThat(sad.get(0).reason()).endsWith("to match your sad mood");
    }

    /**
     * Targets are absolute: on a catalog of loud tracks only (energy 0.70..0.95, like TidyTuesday's pop) calm
     * gets the quietest there is, and the cards say that nothing there is really calm, rather than calling the
     * 30th percentile of loud music calm.
     */
    @Test
    void onALoudCatalogTheCardsSayNothingIsReallyCalm() {
        List<Track> loud = grid(0.70, 0.95);
        List<Recommendation> calm = new MoodRecommender(() -> loud, TrackFilter.ANY, Strategy.CALM)
                .recommend(mood(Emotion.ANGRY), 5);
        assertThat(meanEnergy(calm)).isLessThan(0.76);
        assertThat(calm).allSatisfy(r -> assertThat(r.reason())
                .startsWith("Nothing really calm here; these are the calmest. "));
        List<Recommendation> calmInAWideCatalog = new MoodRecommender(() -> grid(0, 1), TrackFilter.ANY, Strategy.CALM)
                .recommend(mood(Emotion.ANGRY), 5);
        assertThat(calmInAWideCatalog).allSatisfy(r -> assertThat(r.reason()).doesNotStartWith("Nothing really"));
    }

    @Test
    void neverTheSameArtistTwiceInARow() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            // The top ten by fit all belong to one artist; the others are worse fits (further below happy's .93).
            String artist = i <= 10 ? "Prolific" : "Other " + (i % 3);
            tracks.add(new Track(i, SourceKind.IMPORT, "u" + i, "S" + i, artist, null, null, "en", 100, false, null,
                    new Features(1 - i / 100.0, 0.8, null, "imported")));
        }
        MoodRecommender recommender = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.MATCH);
        List<Recommendation> picks = recommender.recommend(mood(Emotion.HAPPY), 12);
        assertThat(picks).hasSize(12);
        for (int i = 1; i < picks.size(); i++) {
            assertThat(picks.get(i).track().artist()).isNotEqualToIgnoringCase(picks.get(i - 1).track().artist());
        }
        assertThat(picks.get(0).track().artist()).isEqualTo("Prolific");
    }

    @Test
    void filtersByLanguageAndArtist() {
        List<Track> tracks = grid(0, 1);
        List<Recommendation> spanish = new MoodRecommender(() -> tracks, new TrackFilter("ES", null), Strategy.MATCH)
                .recommend(mood(Emotion.HAPPY), 10);
        assertThat(spanish).isNotEmpty().allSatisfy(r -> assertThat(r.track().language()).isEqualTo("es"));

        List<Recommendation> oneArtist = new MoodRecommender(() -> tracks, new TrackFilter(null, "artist 3"),
                Strategy.MATCH).recommend(mood(Emotion.SAD), 8);
        assertThat(oneArtist).hasSize(8).allSatisfy(r -> assertThat(r.track().artist()).isEqualTo("Artist 3"));

        assertThat(new MoodRecommender(() -> tracks, new TrackFilter("fr", null), Strategy.MATCH)
                .recommend(mood(Emotion.HAPPY), 5)).isEmpty();
    }

    @Test
    void worksOverARealCatalogAndSkipsTracksWithoutFeatures() {
        try (Catalog catalog = Catalog.open(dir.resolve("catalog.db"))) {
            Random random = new Random(7);
            for (int i = 0; i < 40; i++) {
                catalog.upsert(new CatalogEntry(SourceKind.IMPORT, "spotify:track:" + i, "T" + i, "A" + (i % 4), null, null,
                        "en", List.of(), 200, false, null, null,
                        new Features(random.nextDouble(), random.nextDouble(), null, "imported"), null, null));
            }
            catalog.upsert(new CatalogEntry(SourceKind.LOCAL, "file:///no/features.ogg", "Unanalysed", "X", null, null, null,
                    List.of(), 10, false, null, null, null, null, null));
            MoodRecommender recommender = new MoodRecommender(catalog::allTracks, TrackFilter.ANY, Strategy.MATCH);
            List<Recommendation> happy = recommender.recommend(mood(Emotion.HAPPY), 41);
            assertThat(happy).hasSizeBetween(30, 40).noneMatch(r -> r.track().title().equals("Unanalysed"));
            assertThat(recommender.recommend(Mood.nobody(Instant.EPOCH), 1).get(0).reason())
                    .endsWith("for whoever comes by next");
        }
    }
}
