package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moodbox.catalog.ArtistLanguage;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;

/** The owner's language per artist, in a real SQLite catalog, as the recommender sees it. */
class ArtistLanguageTest {
    static final List<String> LANGUAGES = List.of("en", "es", "ko", "de", "instrumental");

    @TempDir
    Path dir;

    @Test
    void theOwnersLanguageWinsOverTagsAndGuessesAndCanBeCleared() {
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"))) {
            long a = catalog.upsert(entry("u1", "Seoul Band", "en", 0.5, 0.5));
            long b = catalog.upsert(entry("u2", "seoul band", null, 0.6, 0.4));
            long c = catalog.upsert(entry("u3", "Other", "en", 0.4, 0.6));

            assertThat(catalog.setArtistLanguage("SEOUL BAND", "ko")).isEqualTo("Seoul Band");

            assertThat(catalog.track(a).orElseThrow().language()).isEqualTo("ko");
            assertThat(catalog.track(b).orElseThrow().language()).as("any spelling of the name").isEqualTo("ko");
            assertThat(catalog.track(c).orElseThrow().language()).isEqualTo("en");
            assertThat(catalog.languageSource(a)).hasValue("owner");
            List<ArtistLanguage> artists = catalog.artistLanguages("seoul", 10);
            assertThat(artists).hasSize(1);
            assertThat(artists.get(0).tracks()).isEqualTo(2);
            assertThat(artists.get(0).owner()).isEqualTo("ko");
            assertThat(artists.get(0).detected()).isEqualTo(Map.of("en", 1));

            MoodRecommender recommender = new MoodRecommender(TrackSource.of(catalog),
                    new TrackFilter("ko", null), StrategyPlan.always(Strategy.MATCH, 3), 0);
            assertThat(recommender.recommend(Mood.chosen(Emotion.HAPPY, Instant.EPOCH), 5))
                    .extracting(r -> r.track().id()).isNotEmpty().isSubsetOf(a, b);

            catalog.setArtistLanguage("Seoul Band", null);
            assertThat(catalog.track(a).orElseThrow().language()).isEqualTo("en");
            assertThat(catalog.track(b).orElseThrow().language()).isNull();
            assertThat(catalog.languageSource(a)).hasValue("tag");
        }
    }

    @Test
    void badRequestsChangeNothing() {
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"))) {
            long a = catalog.upsert(entry("u1", "Band", "en", 0.5, 0.5));
            assertThatThrownBy(() -> catalog.setArtistLanguage("Band", "klingon"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a language code");
            assertThatThrownBy(() -> catalog.setArtistLanguage("Nobody", "de"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tracks by");
            assertThatThrownBy(() -> catalog.setArtistLanguage(" ", "de")).isInstanceOf(IllegalArgumentException.class);
            assertThat(catalog.track(a).orElseThrow().language()).isEqualTo("en");
            assertThat(catalog.artistLanguages(null, 10)).allMatch(x -> x.owner() == null);
        }
    }

    /** Property: whatever the owner set per artist, no track outside the allowed languages is ever offered. */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35})
    void languageFiltersHoldWithOwnerLanguages(long seed) {
        Random r = new Random(seed);
        try (Catalog catalog = Catalog.open(dir.resolve("c" + seed + ".db"))) {
            int artists = 5 + r.nextInt(30);
            Map<String, String> trackLanguage = new HashMap<>();
            catalog.writeAll(w -> {
                for (int i = 0; i < 400 + r.nextInt(800); i++) {
                    String artist = "Artist " + r.nextInt(artists);
                    String language = r.nextInt(5) == 0 ? null : LANGUAGES.get(r.nextInt(LANGUAGES.size()));
                    w.upsert(entry("u" + i, artist, language, r.nextDouble(), r.nextDouble()));
                    trackLanguage.put("u" + i, language);
                }
            });
            Map<String, String> owner = new HashMap<>();
            for (int a = 0; a < artists; a++) {
                if (r.nextInt(3) == 0) {
                    String language = LANGUAGES.get(r.nextInt(LANGUAGES.size()));
                    String name = (r.nextBoolean() ? "ARTIST " : "artist ") + a;
                    try {
                        catalog.setArtistLanguage(name, language);
                        owner.put("artist " + a, language);
                    } catch (IllegalArgumentException e) {
                        // that artist drew no tracks
                    }
                }
            }
            Set<String> allowed = new HashSet<>();
            for (String l : LANGUAGES) {
                if (r.nextBoolean()) {
                    allowed.add(l);
                }
            }
            MoodRecommender recommender = new MoodRecommender(TrackSource.of(catalog),
                    new TrackFilter(allowed, null, Set.of(), Set.of(), true),
                    StrategyPlan.always(Strategy.values()[r.nextInt(3)], 4), 20);
            for (Emotion e : Emotion.values()) {
                for (Recommendation rec : recommender.recommend(Mood.chosen(e, Instant.EPOCH), 1 + r.nextInt(20))) {
                    Track t = rec.track();
                    String effective = owner.getOrDefault(t.artist().toLowerCase(Locale.ROOT), trackLanguage.get(t.uri()));
                    assertThat(t.language()).isEqualTo(effective);
                    if (!allowed.isEmpty()) {
                        assertThat(allowed).contains(effective);
                    }
                }
            }
        }
    }

    static CatalogEntry entry(String uri, String artist, String language, double valence, double energy) {
        return new CatalogEntry(SourceKind.IMPORT, uri, "Song " + uri, artist, null, null, language, List.of(), 200, false,
                null, null, new Features(valence, energy, 100.0, "imported"), null, null);
    }
}
