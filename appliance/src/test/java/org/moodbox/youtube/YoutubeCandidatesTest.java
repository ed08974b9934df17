package org.moodbox.youtube;
import org.moodbox.model.SourceKind;
import org.moodbox.model.Features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.PlayHistory;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.SourceNotice;
import org.moodbox.recommend.SourcedRecommender;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.model.Strategy;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.recommend.TrackSource;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.YoutubeSettings;
import org.moodbox.model.Emotion;
import org.moodbox.testing.MutableClock;

/**
 * The YouTube source end to end: a real catalog file, the real recommender, the source's own thread, and the
 * local fake of the Data API in place of Google. Time is a hand-moved clock, so quota days, cache expiry and
 * backoff are checked without waiting.
 */
class YoutubeCandidatesTest {
    private static final Instant NOON_PACIFIC = Instant.parse("2026-03-02T20:00:00Z");
    private static final TrackFilter ANY = TrackFilter.ANY;

    @TempDir
    Path dir;

    private final FakeYoutubeApi fake = new FakeYoutubeApi();
    private final MutableClock clock = new MutableClock(NOON_PACIFIC);
    private final AtomicReference<YoutubeSettings> settings =
            new AtomicReference<>(new YoutubeSettings("youtube", true, 10_000));
    private Catalog catalog;
    private SecretFile key;
    private YoutubeCandidates youtube;

    @BeforeEach
    void open() throws Exception {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        for (int i = 0; i < 6; i++) {
            catalog.upsert(new CatalogEntry(SourceKind.LOCAL, "file:///music/" + i + ".flac", "Local " + i, "Artist " + i,
                    null, null, null, List.of(), 180, false, null, null,
                    new Features(i / 5.0, 1 - i / 5.0, 120.0, "measured"), null, null));
        }
        key = SecretFile.open(dir, "youtube-api-key");
        key.set(FakeYoutubeApi.KEY);
        youtube = openSource();
        youtube.awaitIdle();
    }

    private YoutubeCandidates openSource() {
        return YoutubeCandidates.open(catalog, new YoutubeDataApi(fake.base(), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)), key, settings::get, clock,
                new YoutubeCandidates.Timing(Duration.ofDays(7), Duration.ZERO, Duration.ofMinutes(1),
                        Duration.ofMinutes(30), Duration.ofSeconds(10)));
    }

    @AfterEach
    void close() {
        youtube.close();
        catalog.close();
        fake.close();
    }

    private void want(Emotion emotion, TrackFilter filter) throws InterruptedException {
        youtube.wanted(Mood.chosen(emotion, clock.instant()), filter);
        youtube.awaitIdle();
    }

    private List<Track> videos() {
        return catalog.allTracks().stream().filter(Track::linkOnly).toList();
    }

    @Test
    void aSearchFilesItsVideosAsLinkOnlyTracksAtTheQuerysMoodWithTheirThumbnails() throws Exception {
        want(Emotion.SAD, ANY);

        assertThat(fake.searches()).hasSize(1);
        assertThat(fake.searches().get(0).get("q")).containsExactly("sad songs");
        List<Track> videos = videos();
        assertThat(videos).extracting(Track::title, Track::artist).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Halo", "Beyonc\u00e9"),
                org.assertj.core.groups.Tuple.tuple("Sweet Child O' Mine", "Guns N' Roses"),
                org.assertj.core.groups.Tuple.tuple("\u7fa4\u9752\u65e5\u548c", "\u6771\u4eac\u4e8b\u5909"));
        for (Track video : videos) {
            assertThat(video.source()).isEqualTo(SourceKind.YOUTUBE);
            assertThat(video.uri()).startsWith("https://www.youtube.com/watch?v=");
            assertThat(video.features().valence()).isEqualTo(Emotion.SAD.valence());
            assertThat(video.features().energy()).isEqualTo(Emotion.SAD.arousal());
            assertThat(video.features().provenance()).isEqualTo("estimated");
            assertThat(video.hasArtwork()).as("thumbnail fetched by the box, not the page").isTrue();
            assertThat(catalog.artwork(video.id()).orElseThrow().mimeType()).isEqualTo("image/jpeg");
        }
        assertThat(videos).extracting(Track::attribution).contains("YouTube: Beyonc\u00e9VEVO");
        assertThat(fake.thumbnailsServed()).hasSize(3);
        assertThat(youtube.status().unitsUsedToday()).isEqualTo(100);
        assertThat(youtube.notice()).isEmpty();
    }

    @Test
    void everySearchIsMadeOnceWhileItsAnswerIsFreshMoodWordsTimesLanguagesTimesArtists() throws Exception {
        TrackFilter filter = new TrackFilter(Set.of("en", "de"), null, Set.of("Queen"), Set.of(), true);

        for (int i = 0; i < 12; i++) {
            want(Emotion.SAD, filter);
        }

        // sad and its lift goal (content) x no artist and Queen x de and en: eight searches, then none.
        assertThat(fake.searches()).hasSize(8);
        Set<String> asked = new HashSet<>();
        fake.searches().forEach(s -> asked.add(s.get("q").get(0) + "|" + s.get("relevanceLanguage").get(0)));
        assertThat(asked).containsExactlyInAnyOrder("sad songs|de", "sad songs|en", "queen sad songs|de",
                "queen sad songs|en", "feel good songs|de", "feel good songs|en", "queen feel good songs|de",
                "queen feel good songs|en");
        assertThat(videos()).extracting(Track::language).containsOnly("de", "en");
        assertThat(youtube.status().unitsUsedToday()).isEqualTo(800);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        want(Emotion.SAD, filter);
        assertThat(fake.searches()).as("an expired answer is asked again").hasSize(9);
    }

    @Test
    void theBoxStopsAtTheOwnersDailyBudgetSaysSoAndGoesOnAfterMidnightPacific() throws Exception {
        settings.set(new YoutubeSettings("youtube", true, 200));

        for (Emotion e : List.of(Emotion.SAD, Emotion.HAPPY, Emotion.ANGRY, Emotion.FEAR)) {
            want(e, ANY);
        }

        assertThat(fake.searches()).hasSize(2);
        SourceNotice notice = youtube.notice().orElseThrow();
        assertThat(notice.kiosk()).contains("paused until tomorrow");
        assertThat(notice.owner()).contains("daily YouTube budget of 200 units");
        assertThat(notice.until()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));

        youtube.close();
        youtube = openSource(); // a restart remembers what was spent
        want(Emotion.ANGRY, ANY);
        assertThat(fake.searches()).hasSize(2);

        clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        want(Emotion.ANGRY, ANY);
        assertThat(fake.searches()).hasSize(3);
        assertThat(youtube.notice()).isEmpty();
    }

    @Test
    void quotaExceededStopsSearchingForTheDayWithANoticeForKioskAndOwner() throws Exception {
        fake.mode(FakeYoutubeApi.Mode.QUOTA_EXCEEDED);

        want(Emotion.SAD, ANY);
        SourceNotice notice = youtube.notice().orElseThrow();
        assertThat(notice.kiosk()).contains("paused until tomorrow");
        assertThat(notice.owner()).contains("quota exceeded").contains("midnight Pacific time");

        fake.mode(FakeYoutubeApi.Mode.OK);
        want(Emotion.HAPPY, ANY);
        clock.set(Instant.parse("2026-03-03T07:59:00Z"));
        want(Emotion.ANGRY, ANY);
        assertThat(fake.searches()).as("nothing more until Google's day turns").hasSize(1);

        clock.set(Instant.parse("2026-03-03T08:00:01Z"));
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).hasSize(2);
        assertThat(videos()).isNotEmpty();
        assertThat(youtube.notice()).isEmpty();
    }

    @Test
    void serverErrorsBackOffWithANoticeWhileTheLocalLibraryGoesOnRecommending() throws Exception {
        SourcedRecommender recommender = recommender();
        fake.mode(FakeYoutubeApi.Mode.SERVER_ERROR);

        List<Recommendation> cards = recommender.recommend(Mood.chosen(Emotion.SAD, clock.instant()), 4);
        youtube.awaitIdle();

        assertThat(cards).hasSize(4).allMatch(r -> r.track().source() == SourceKind.LOCAL);
        assertThat(youtube.notice().orElseThrow().kiosk()).contains("can't be reached");
        assertThat(youtube.notice().orElseThrow().owner()).contains("500");

        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).as("backing off for a minute").hasSize(1);
        clock.advance(Duration.ofSeconds(61));
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).hasSize(2);
        clock.advance(Duration.ofSeconds(61));
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).as("the second failure waits two minutes").hasSize(2);

        fake.mode(FakeYoutubeApi.Mode.OK);
        clock.advance(Duration.ofSeconds(61));
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).hasSize(3);
        assertThat(youtube.notice()).isEmpty();
        assertThat(recommender.recommend(Mood.chosen(Emotion.SAD, clock.instant()), 9))
                .anyMatch(r -> r.track().linkOnly());
    }

    @Test
    void aSearchInFlightNeverHoldsUpARecommendation() throws Exception {
        SourcedRecommender recommender = recommender();
        fake.mode(FakeYoutubeApi.Mode.HOLD);

        List<Recommendation> cards = recommender.recommend(Mood.chosen(Emotion.SAD, clock.instant()), 4);

        // The fake is holding the search right now, and the cards are already here.
        assertThat(fake.awaitHeld()).isTrue();
        assertThat(cards).hasSize(4);
        assertThat(recommender.recommend(Mood.chosen(Emotion.HAPPY, clock.instant()), 4)).hasSize(4);
        fake.release();
        youtube.awaitIdle();
        assertThat(fake.searches()).as("no second search while one was in flight").hasSize(1);
        assertThat(videos()).hasSize(3);
    }

    @Test
    void aRefusedKeyStopsSearchingUntilTheOwnerSavesAnotherKey() throws Exception {
        key.set("AIzaSyWRONG-wrong_wrong-wrong-wrong-wro12");
        youtube.settingsChanged();

        want(Emotion.SAD, ANY);
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).hasSize(1);
        assertThat(youtube.notice().orElseThrow().owner()).contains("API key not valid").contains("Check the API key");

        key.set(FakeYoutubeApi.KEY);
        youtube.settingsChanged();
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).hasSize(2);
        assertThat(youtube.notice()).isEmpty();
    }

    @Test
    void aSaveOfOtherSettingsLeavesYoutubeAndTheCatalogAlone() throws Exception {
        key.set("AIzaSyWRONG-wrong_wrong-wrong-wrong-wro12");
        youtube.settingsChanged();
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).hasSize(1);

        youtube.settingsChanged(); // the owner saved, say, the volume: YouTube's settings and key are the same
        want(Emotion.SAD, ANY);
        assertThat(fake.searches()).as("the refused key is not tried again").hasSize(1);

        settings.set(new YoutubeSettings("youtube", false, 10_000));
        youtube.settingsChanged();
        assertThat(videos()).isEmpty();
        long tracks = catalog.trackCount();
        youtube.settingsChanged(); // off and still off: no second clean-up pass over the catalog
        assertThat(catalog.trackCount()).isEqualTo(tracks);
    }

    @Test
    void turningTheSourceOffTakesItsVideosOffTheBoxAndLeavesTheLibrary() throws Exception {
        want(Emotion.SAD, ANY);
        assertThat(videos()).hasSize(3);

        settings.set(new YoutubeSettings("youtube", false, 10_000));
        youtube.settingsChanged();
        want(Emotion.HAPPY, ANY);

        assertThat(videos()).isEmpty();
        assertThat(catalog.trackCount()).isEqualTo(6);
        assertThat(fake.searches()).hasSize(1);
        assertThat(youtube.status().cachedSearches()).isZero();
        assertThat(youtube.status().unitsUsedToday()).as("the ledger is kept").isEqualTo(100);
    }

    @Test
    void removingTheKeyAlsoTakesTheVideosOff() throws Exception {
        want(Emotion.SAD, ANY);
        key.clear();
        youtube.settingsChanged();

        assertThat(videos()).isEmpty();
        assertThat(youtube.status().keySet()).isFalse();
    }

    @Test
    void nobodyInViewCostsNoQuota() throws Exception {
        youtube.wanted(Mood.nobody(clock.instant()), ANY);
        youtube.awaitIdle();

        assertThat(fake.searches()).isEmpty();
    }

    @Test
    void videosNotSeenForThirtyDaysLeaveTheCatalog() throws Exception {
        want(Emotion.SAD, ANY);
        List<String> old = videos().stream().map(Track::uri).toList();
        assertThat(old).as("the sad search found videos that can grow old").isNotEmpty();

        clock.advance(Duration.ofDays(31));
        want(Emotion.HAPPY, ANY);

        assertThat(videos()).extracting(Track::uri).doesNotContainAnyElementsOf(old).isNotEmpty();
    }

    @Test
    void aVideoFoundAgainKeepsItsThumbnailWithoutFetchingIt() throws Exception {
        want(Emotion.SAD, ANY);
        clock.advance(Duration.ofDays(8));
        want(Emotion.SAD, ANY);

        assertThat(fake.searches()).hasSize(2);
        assertThat(fake.thumbnailsServed()).hasSize(3);
        assertThat(videos()).hasSize(3).allMatch(Track::hasArtwork);
    }

    private SourcedRecommender recommender() {
        MoodRecommender ranking = new MoodRecommender(TrackSource.of(catalog), () -> ANY,
                StrategyPlan.always(Strategy.MATCH, StrategyPlan.DEFAULT_LIFT_STEPS), PlayHistory.DEFAULT_WINDOW);
        return new SourcedRecommender(ranking, () -> ANY, List.of(youtube));
    }
}
