package org.moodbox.spotify;

import org.moodbox.model.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.recommend.MergedTrackSource;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.recommend.TrackSource;
import org.moodbox.settings.Settings;
import org.moodbox.model.Emotion;

class SpotifyCandidatesTest {
    @TempDir
    Path data;

    @Test
    void searchesFillTheCacheWithFeaturesArtworkAndTheRecommenderOffersThemUntilSpotifyFails() throws Exception {
        try (SpotifyRig rig = new SpotifyRig(data, Duration.ofSeconds(5));
             Catalog catalog = Catalog.open(data.resolve("catalog.db"))) {
            // A feature table knows one of the songs the "happy" search finds: its features must win.
            catalog.upsert(new CatalogEntry(SourceKind.IMPORT, "spotify:track:imported000000000000001", "Walking on Sunshine",
                    "Katrina and the Waves", null, null, null, List.of(), 230, false, null, null,
                    new Features(0.96, 0.88, 110.0, "imported"), null, null));
            rig.link();
            SpotifyCandidates candidates = rig.candidates(catalog, Settings.defaults());
            candidates.sweepSoon().get(60, TimeUnit.SECONDS);
            List<Track> found = candidates.candidates();
            assertThat(found).isNotEmpty().allMatch(t -> t.uri().startsWith("spotify:track:"));
            Track sunshine = found.stream().filter(t -> "Walking on Sunshine".equals(t.title())).findFirst().orElseThrow();
            assertThat(sunshine.features().provenance()).isEqualTo("imported");
            assertThat(sunshine.features().valence()).isEqualTo(0.96);
            Track happy = found.stream().filter(t -> "happy song 0".equals(t.title())).findFirst().orElseThrow();
            assertThat(happy.features().provenance()).isEqualTo("estimated");
            assertThat(happy.features().valence()).isEqualTo(Emotion.HAPPY.valence());
            assertThat(happy.hasArtwork()).isTrue();
            assertThat(catalog.artwork(happy.id())).get().extracting(a -> a.mimeType()).isEqualTo("image/jpeg");
            // Playlists come from the 2026 /items endpoint; Spotify's own editorial playlists are not asked for.
            assertThat(rig.fake.requests).as("requests").anyMatch(r -> r.matches("GET /v1/playlists/pl-happy[^/]*/items.*"));
            assertThat(rig.fake.requests).noneMatch(r -> r.contains("pl-editorial") || r.matches("GET /v1/playlists/.*/tracks.*"));
            assertThat(found).anyMatch(t -> t.title().startsWith("Playlist pl-mine-happy"));

            // A second sweep asks nothing: every answer is fresh in the cache.
            long asked = rig.fake.requests.size();
            candidates.sweepSoon().get(60, TimeUnit.SECONDS);
            assertThat(rig.fake.requests.size()).isEqualTo(asked);

            MoodRecommender recommender = new MoodRecommender(
                    new MergedTrackSource(TrackSource.of(catalog), List.of(candidates)), TrackFilter.ANY,
                    StrategyPlan.always(org.moodbox.model.Strategy.MATCH, 3), 0);
            List<Recommendation> cards = recommender.recommend(Mood.chosen(Emotion.HAPPY, Instant.now()), 8);
            assertThat(cards).anyMatch(r -> r.track().source() == SourceKind.SPOTIFY);

            // Spotify fails: its cards go, the kiosk keeps the local library, and the notice says why.
            rig.fake.inject("/v1/me", "500");
            assertThatThrownBy(() -> rig.web.call("probe", Duration.ZERO, api -> api.getCurrentUsersProfile().build()))
                    .as("Spotify's 500 reaches the caller (and the health now says unavailable)")
                    .isInstanceOf(SpotifyException.class);
            assertThat(candidates.candidates()).isEmpty();
            assertThat(recommender.recommend(Mood.chosen(Emotion.HAPPY, Instant.now()), 8))
                    .noneMatch(r -> r.track().source() == SourceKind.SPOTIFY);
            candidates.close();
        }
    }
}
