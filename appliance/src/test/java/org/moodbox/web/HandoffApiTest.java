package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.youtube.FakeYoutubeApi;
import org.moodbox.youtube.QrReader;

/**
 * The kiosk's hand-over routes on a real server: the QR code it serves is read back with ZXing and must carry
 * the link the owner's choice asks for, with non-ASCII names intact; link-only videos are never played; a
 * paused YouTube source shows its notice.
 */
class HandoffApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private YoutubeRooms box;

    @BeforeEach
    void start() throws Exception {
        box = YoutubeRooms.start(rig);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(box.base() + path)).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(box.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String scan(long trackId) throws Exception {
        HttpResponse<byte[]> png = get("/api/handoff/" + trackId + "/qr.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        return QrReader.read(png.body());
    }

    @Test
    void theServedCodeOpensAYoutubeSearchThenFollowsTheOwnerToSpotify() throws Exception {
        long halo = box.addLocal("Halo", "Beyonc\u00e9", 0.6, 0.5);
        long gunjo = box.addLocal("\u7fa4\u9752\u65e5\u548c", "\u6771\u4eac\u4e8b\u5909", 0.7, 0.8);

        assertThat(scan(halo)).isEqualTo("https://www.youtube.com/results?search_query=Beyonc%C3%A9+Halo");
        String japanese = scan(gunjo);
        assertThat(URLDecoder.decode(japanese.substring(japanese.indexOf('=') + 1), StandardCharsets.UTF_8))
                .isEqualTo("\u6771\u4eac\u4e8b\u5909 \u7fa4\u9752\u65e5\u548c");
        JsonNode link = JSON.readTree(get("/api/handoff/" + halo).body());
        assertThat(link.path("url").asText()).isEqualTo(scan(halo));
        assertThat(link.path("service").asText()).isEqualTo("youtube");
        assertThat(link.path("linkOnly").asBoolean()).isFalse();

        box.settings.update(JSON.readTree("{\"youtube\": {\"phoneLink\": \"spotify\"}}"));

        assertThat(scan(halo)).isEqualTo("https://open.spotify.com/search/Beyonc%C3%A9%20Halo");
        assertThat(scan(gunjo)).isEqualTo("https://open.spotify.com/search/"
                + "%E6%9D%B1%E4%BA%AC%E4%BA%8B%E5%A4%89%20%E7%BE%A4%E9%9D%92%E6%97%A5%E5%92%8C");
    }

    @Test
    void aLinkOnlyVideoOpensItselfAndIsNeverPlayed() throws Exception {
        long video = box.addVideo("bnVUHWCynig", "Halo", "Beyonc\u00e9", 0.6, 0.5);

        assertThat(scan(video)).isEqualTo("https://www.youtube.com/watch?v=bnVUHWCynig");
        HttpResponse<String> play = post("/api/play", "{\"trackId\": " + video + "}");

        assertThat(play.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(play.body()).path("error").asText()).contains("phone").contains("QR");
        assertThat(box.rooms.player.state().status()).isEqualTo(Status.STOPPED);
        assertThat(box.rooms.transitions).noneMatch(s -> s.track() != null && s.track().id() == video);
    }

    @Test
    void cardsSayWhichSongsAreLinkOnly() throws Exception {
        box.addVideo("bnVUHWCynig", "Halo", "Beyonc\u00e9", 0.56, 0.31);
        JsonNode cards = JSON.readTree(post("/api/recommendations/refresh", "").body()).path("recommendations");

        assertThat(cards.size()).isPositive();
        for (JsonNode card : cards) {
            assertThat(card.path("track").path("linkOnly").asBoolean())
                    .isEqualTo(card.path("track").path("title").asText().equals("Halo"));
        }
    }

    @Test
    void unknownTracksAreNotFoundWithASentence() throws Exception {
        assertThat(get("/api/handoff/999999").statusCode()).isEqualTo(404);
        assertThat(get("/api/handoff/999999/qr.png").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> junk = get("/api/handoff/abc/qr.png");
        assertThat(junk.statusCode()).isEqualTo(404);
        assertThat(new String(junk.body(), StandardCharsets.UTF_8)).contains("no track with id 'abc'");
    }

    @Test
    void aQuotaStoppedSourceShowsItsNoticeOnTheKioskAndTheLocalSongsStay() throws Exception {
        assertThat(JSON.readTree(get("/api/sources/notices").body()).path("notices").size()).isZero();
        box.key.set(FakeYoutubeApi.KEY);
        box.settings.update(JSON.readTree("{\"youtube\": {\"searchEnabled\": true}}"));
        box.fake.mode(FakeYoutubeApi.Mode.QUOTA_EXCEEDED);

        post("/api/mood/override", "{\"emotion\": \"happy\"}");
        JsonNode cards = JSON.readTree(post("/api/recommendations/refresh", "").body()).path("recommendations");

        assertThat(cards.size()).isPositive();
        JsonNode notices = awaitNotices();
        assertThat(notices.get(0).path("source").asText()).isEqualTo("youtube");
        assertThat(notices.get(0).path("message").asText()).contains("paused until tomorrow");
    }

    /** The search runs on the source's own thread: wait (bounded) for its outcome to show. */
    private JsonNode awaitNotices() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode notices = JSON.readTree(get("/api/sources/notices").body()).path("notices");
            if (notices.size() > 0) {
                return notices;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no notice within 15 s; the fake saw " + box.fake.searches().size()
                        + " searches");
            }
            Thread.sleep(50);
        }
    }
}
