package org.moodbox.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodbox.youtube.YoutubeApiException.Kind;

/** The search.list client against the local fake of the Data API: what it asks, what it reads, how it fails. */
class YoutubeDataApiTest {
    private final FakeYoutubeApi fake = new FakeYoutubeApi();
    private final YoutubeDataApi api = new YoutubeDataApi(fake.base(), Duration.ofSeconds(2), Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void asksForMusicVideosWithTheQueryLanguageAndKey() throws Exception {
        api.search(new SearchQuery(MoodWord.SAD, "beyonc\u00e9", "fr"), FakeYoutubeApi.KEY);

        Map<String, List<String>> sent = fake.searches().get(0);
        assertThat(sent.get("part")).containsExactly("snippet");
        assertThat(sent.get("type")).containsExactly("video");
        assertThat(sent.get("videoCategoryId")).containsExactly("10");
        assertThat(sent.get("maxResults")).containsExactly("25");
        assertThat(sent.get("q")).containsExactly("beyonc\u00e9 sad songs");
        assertThat(sent.get("relevanceLanguage")).containsExactly("fr");
        assertThat(sent.get("key")).containsExactly(FakeYoutubeApi.KEY);
    }

    @Test
    void readsVideosUnescapesTitlesAndSkipsLiveStreamsAndChannels() throws Exception {
        List<Video> videos = api.search(new SearchQuery(MoodWord.HAPPY, null, null), FakeYoutubeApi.KEY);

        assertThat(videos).extracting(Video::title).containsExactly("Beyonc\u00e9 - Halo (Official Video)",
                "Guns N' Roses - Sweet Child O' Mine", "\u6771\u4eac\u4e8b\u5909 - \u7fa4\u9752\u65e5\u548c");
        assertThat(videos).extracting(Video::channelTitle).containsExactly("Beyonc\u00e9VEVO", "GunsNRosesVEVO",
                "\u6771\u4eac\u4e8b\u5909 - Topic");
        assertThat(videos.get(0).thumbnailUrl()).endsWith("/mqdefault.jpg");
        assertThat(videos.get(0).watchUrl()).matches("https://www\\.youtube\\.com/watch\\?v=[A-Za-z0-9_-]{11}");
        assertThat(fake.searches().get(0)).doesNotContainKey("relevanceLanguage");
    }

    @Test
    void quotaExceededIsItsOwnKindWithGooglesMessageAsPlainText() {
        fake.mode(FakeYoutubeApi.Mode.QUOTA_EXCEEDED);

        YoutubeApiException e = catchThrowableOfType(YoutubeApiException.class,
                () -> api.search(new SearchQuery(MoodWord.HAPPY, null, null), FakeYoutubeApi.KEY));

        assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).contains("exceeded your quota").doesNotContain("<a");
    }

    @Test
    void aRejectedKeyIsRefusedNotRetried() {
        YoutubeApiException e = catchThrowableOfType(YoutubeApiException.class,
                () -> api.search(new SearchQuery(MoodWord.HAPPY, null, null), "AIzaWrongWrongWrongWrongWrongWrongWrong"));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("API key not valid").contains("400");
    }

    @Test
    void serverErrorsAndNonJsonAnswersMeanUnavailable() {
        fake.mode(FakeYoutubeApi.Mode.SERVER_ERROR);
        YoutubeApiException e = catchThrowableOfType(YoutubeApiException.class,
                () -> api.search(new SearchQuery(MoodWord.HAPPY, null, null), FakeYoutubeApi.KEY));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.status()).isEqualTo(500);

        fake.mode(FakeYoutubeApi.Mode.NOT_JSON);
        e = catchThrowableOfType(YoutubeApiException.class,
                () -> api.search(new SearchQuery(MoodWord.HAPPY, null, null), FakeYoutubeApi.KEY));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("not JSON");
    }

    @Test
    void anAnswerThatNeverComesEndsAtTheRequestTimeout() {
        fake.mode(FakeYoutubeApi.Mode.HOLD);
        YoutubeDataApi impatient = new YoutubeDataApi(fake.base(), Duration.ofSeconds(1), Duration.ofMillis(300));

        YoutubeApiException e = catchThrowableOfType(YoutubeApiException.class,
                () -> impatient.search(new SearchQuery(MoodWord.HAPPY, null, null), FakeYoutubeApi.KEY));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("did not answer");
    }

    @Test
    void nobodyListeningMeansUnavailable() throws Exception {
        java.net.URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/youtube/v3/");
        }
        YoutubeApiException e = catchThrowableOfType(YoutubeApiException.class,
                () -> new YoutubeDataApi(closed, Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .search(new SearchQuery(MoodWord.HAPPY, null, null), FakeYoutubeApi.KEY));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.status()).isZero();
    }
}
