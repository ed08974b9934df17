package org.moodbox.web;

import org.moodbox.model.SourceKind;
import org.moodbox.web.kiosk.ArtworkPlaceholder;
import org.moodbox.web.kiosk.ArtworkRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.model.Emotion;

/**
 * The web room over real HTTP on an ephemeral port, with the real rooms of {@link RealRooms}: mood tracker,
 * SQLite catalog, mood recommender and local file player. Each test starts with someone in front of the camera
 * whose face reads mostly neutral.
 */
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Emotion, Double> NEUTRAL_FACE = Map.of(Emotion.NEUTRAL, 0.71, Emotion.HAPPY, 0.18,
            Emotion.SAD, 0.11);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir
    Path folder;
    private RealRooms rooms;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        rooms = RealRooms.in(folder);
        rooms.cameraSees(NEUTRAL_FACE); // a fresh tracker takes its first face as it is
        server = rooms.startServer();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (rooms != null) {
            rooms.close();
        }
    }

    @Test
    void stateCarriesMoodCardsAndPlaybackButNoFilePaths() throws Exception {
        HttpResponse<String> response = get("/api/state");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode state = JSON.readTree(response.body());
        assertThat(state.at("/mood/emotion").asText()).isEqualTo("neutral");
        assertThat(state.at("/mood/source").asText()).isEqualTo("camera");
        // The camera's float probabilities, as the tracker passed them on.
        assertThat(state.at("/mood/confidence").asDouble()).isCloseTo(0.71, within(1e-6));
        assertThat(state.at("/mood/probabilities/happy").asDouble()).isCloseTo(0.18, within(1e-6));
        assertThat(state.at("/recommendations")).hasSize(WebServer.CARD_COUNT);
        JsonNode first = state.at("/recommendations/0");
        assertThat(first.at("/track/title").asText()).isNotBlank();
        assertThat(first.at("/track/attribution").asText()).isNotBlank();
        assertThat(first.at("/reason").asText()).contains("neutral");
        assertThat(first.at("/track/artwork").asText()).isEqualTo("/api/artwork/" + first.at("/track/id").asLong());
        assertThat(state.at("/playback/status").asText()).isEqualTo("stopped");
        // Before its first track the player has opened no sink yet and says so in its own words.
        assertThat(state.at("/playback/output").asText()).isNotBlank().isEqualTo(rooms.player.state().output());
        assertThat(state.at("/catalogSize").asLong()).isEqualTo(12).isEqualTo(rooms.catalog.trackCount());
        assertThat(state.at("/cameraOn").asBoolean()).isTrue();
        // Only what a page needs: the track's file location stays on the box.
        assertThat(response.body()).doesNotContain("file://").doesNotContain("\"uri\"");
    }

    @Test
    void playingAKnownTrackStartsItAndShowsInTheState() throws Exception {
        long id = rooms.id("Breaking the Chains");

        HttpResponse<String> response = post("/api/play", "{\"trackId\": " + id + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/playback/track/title").asText())
                .isEqualTo("Breaking the Chains");
        rooms.awaitAudible(id);
        JsonNode playing = awaitState(s -> s.at("/playback/output").asText().equals(RealRooms.NULL_SINK));
        assertThat(playing.at("/playback/status").asText()).isEqualTo("playing");
        assertThat(playing.at("/playback/track/id").asLong()).isEqualTo(id);
        assertThat(playing.at("/playback/error").isNull()).isTrue();
    }

    @Test
    void badPlayRequestsAreRefusedWithAReasonAndChangeNothing() throws Exception {
        assertError(post("/api/play", "{\"trackId\": 999}"), 400, "no track with id 999");
        assertError(post("/api/play", "{}"), 400, "'trackId' is required");
        assertError(post("/api/play", "{\"trackId\": \"seven\"}"), 400, "must be a whole number");
        assertError(post("/api/play", "{not json"), 400, "not valid JSON");
        assertError(post("/api/play", ""), 400, "request body is empty");

        assertThat(rooms.transitions).isEmpty();
        assertThat(rooms.player.state().status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void pauseResumeStopAndVolumeReachThePlayer() throws Exception {
        long id = rooms.id("Awakening");
        assertThat(post("/api/play", "{\"trackId\": " + id + "}").statusCode()).isEqualTo(200);
        rooms.awaitAudible(id);

        assertThat(post("/api/pause", "").statusCode()).isEqualTo(200);
        rooms.awaitPlayer("paused", s -> s.status() == Status.PAUSED);
        assertThat(post("/api/resume", "").statusCode()).isEqualTo(200);
        rooms.awaitPlayer("playing again", s -> s.status() == Status.PLAYING);
        assertThat(rooms.player.state().track().id()).isEqualTo(id);
        assertThat(post("/api/volume", "{\"volume\": 0.25}").statusCode()).isEqualTo(200);
        assertThat(rooms.player.state().volume()).isEqualTo(0.25);
        assertThat(post("/api/stop", "").statusCode()).isEqualTo(200);
        rooms.awaitPlayer("stopped", s -> s.status() == Status.STOPPED);
        assertThat(rooms.player.state().error()).isNull();

        assertError(post("/api/volume", "{\"volume\": 1.5}"), 400, "between 0 and 1");
        assertError(post("/api/volume", "{\"volume\": \"loud\"}"), 400, "must be a number");
        assertThat(rooms.player.state().volume()).isEqualTo(0.25);
    }

    @Test
    void overrideWithAnUnknownEmotionIsRefusedAndTheMoodStays() throws Exception {
        HttpResponse<String> response = post("/api/mood/override", "{\"emotion\": \"hangry\"}");

        assertError(response, 400, "unknown emotion 'hangry'");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("happy", "neutral");
        assertError(post("/api/mood/override", "{}"), 400, "'emotion' is required");
        assertThat(rooms.moodTracker.current().emotion()).isEqualTo(Emotion.NEUTRAL);
        assertThat(rooms.moodTracker.current().source()).isEqualTo("camera");
    }

    @Test
    void overrideChangesTheMoodAndTheCards() throws Exception {
        JsonNode before = JSON.readTree(get("/api/state").body());

        HttpResponse<String> response = post("/api/mood/override", "{\"emotion\": \"Happy\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/mood/source").asText()).isEqualTo("override");
        JsonNode after = awaitState(s -> s.at("/recommendations/0/reason").asText().contains("happy"));
        assertThat(after.at("/mood/emotion").asText()).isEqualTo("happy");
        assertThat(after.at("/mood/confidence").asDouble()).isEqualTo(1.0);
        assertThat(after.at("/recommendations")).isNotEqualTo(before.at("/recommendations"));
    }

    @Test
    void cardsStayPutWhileOnlyTheConfidenceWobbles() throws Exception {
        JsonNode before = JSON.readTree(get("/api/state").body()).at("/recommendations");
        int asked = rooms.recommender.calls();
        int announced = rooms.announcedMoods.size();

        // Swings big enough that the smoothed confidence moves more than the tracker's 0.05 reporting step
        // each frame, yet neutral keeps the lead: the tracker announces every one, the label stays.
        for (double neutral : new double[] {0.95, 0.55, 0.95, 0.55}) {
            rooms.cameraSees(RealRooms.mostly(Emotion.NEUTRAL, neutral));
        }
        assertThat(rooms.announcedMoods).hasSize(announced + 4);
        assertThat(rooms.announcedMoods.subList(announced, announced + 4)).extracting(Mood::emotion)
                .containsOnly(Emotion.NEUTRAL);
        double last = rooms.moodTracker.current().confidence();
        awaitState(s -> s.at("/mood/confidence").asDouble() == last);

        assertThat(JSON.readTree(get("/api/state").body()).at("/recommendations")).isEqualTo(before);
        assertThat(rooms.recommender.calls()).isEqualTo(asked);
    }

    @Test
    void artworkIsTheStoredImageOrAGeneratedPlaceholder() throws Exception {
        byte[] png = rooms.coverOf("A New Journey");
        assertThat(png).as("the fixture gives this track a cover").isNotEmpty();

        HttpResponse<byte[]> stored = http.send(request("/api/artwork/" + rooms.id("A New Journey")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(stored.body()).isEqualTo(png);
        assertThat(stored.headers().firstValue("Cache-Control")).hasValue(ArtworkRoute.STORED_CACHE);

        assertThat(rooms.coverOf("Through Space")).as("the fixture gives this track no cover").isNull();
        HttpResponse<String> placeholder = get("/api/artwork/" + rooms.id("Through Space"));
        assertThat(placeholder.statusCode()).isEqualTo(200);
        assertThat(placeholder.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(placeholder.headers().firstValue("Cache-Control")).hasValue(ArtworkRoute.PLACEHOLDER_CACHE);
        assertThat(placeholder.body()).startsWith("<svg").contains(">TS</text>").contains("hsl(");

        assertThat(rooms.catalog.track(999)).isEmpty();
        assertError(get("/api/artwork/999"), 404, "no track with id 999");
        assertError(get("/api/artwork/abc"), 404, "no track with id 'abc'");
    }

    @Test
    void placeholdersOfDifferentMoodsLookDifferent() {
        String dark = ArtworkPlaceholder.svg(rooms.track("Casualties of War"));
        String bright = ArtworkPlaceholder.svg(rooms.track("Journey's End"));
        assertThat(dark).isNotEqualTo(bright);
        assertThat(ArtworkPlaceholder.initials("Journey's End")).isEqualTo("JE");
        assertThat(ArtworkPlaceholder.initials("  ")).isEqualTo("\u266A");
        assertThat(ArtworkPlaceholder.svg(new Track(50, SourceKind.LOCAL, "x", "<b>&", "a", null, null,
                null, 1, false, null, null))).contains("&lt;b&gt;&amp;").doesNotContain("<b>");
    }

    @Test
    void eventsStreamDeliversTheStateThenAMoodEventAfterAnOverride() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(events(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(5, TimeUnit.SECONDS);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> readUntilClosed(response, lines), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            // The greeting: the whole picture, so a reconnecting page needs no extra request.
            assertThat(nextData(lines, "mood")).contains("\"emotion\":\"neutral\"");
            assertThat(nextData(lines, "recommendations")).contains("\"reason\"");
            assertThat(nextData(lines, "playback")).contains("\"status\":\"stopped\"");

            post("/api/mood/override", "{\"emotion\": \"sad\"}");

            String mood = nextData(lines, "mood");
            assertThat(JSON.readTree(mood).get("emotion").asText()).isEqualTo("sad");
            assertThat(JSON.readTree(mood).get("source").asText()).isEqualTo("override");
            assertThat(nextData(lines, "recommendations")).contains("your sad mood");

            post("/api/play", "{\"trackId\": " + rooms.id("Chimes They Fade") + "}");
            assertThat(nextData(lines, "playback")).contains("Chimes They Fade").contains("\"status\":\"playing\"");
        } finally {
            response.body().close();
        }
    }

    @Test
    void aClientThatLeavesIsDroppedAndOthersKeepGettingEvents() throws Exception {
        // Its own client, as a separate browser would be: closing it really closes the connection.
        HttpClient otherBrowser = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> leaving = otherBrowser.send(events(),
                HttpResponse.BodyHandlers.ofLines());
        leaving.body().close();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> staying = http.send(events(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> readUntilClosed(staying, lines), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (String emotion : new String[] {"angry", "fear", "surprise"}) {
                post("/api/mood/override", "{\"emotion\": \"" + emotion + "\"}");
            }
            String last = "";
            while (!last.contains("surprise")) {
                last = nextData(lines, "mood");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.liveClients() > 1 && System.nanoTime() < deadline) {
                post("/api/mood/override", "{\"emotion\": \"happy\"}");
                Thread.sleep(100);
            }
            assertThat(server.liveClients()).isEqualTo(1);
        } finally {
            staying.body().close();
        }
    }

    @Test
    void pagesAreServedWithAPolicyThatKeepsThemOffTheNetwork() throws Exception {
        HttpResponse<String> kiosk = get("/");
        assertThat(kiosk.statusCode()).isEqualTo(200);
        assertThat(kiosk.body()).contains("kiosk.js").contains("kiosk.css");
        assertThat(kiosk.headers().firstValue("Content-Security-Policy")).hasValue(
                PageRoutes.CONTENT_SECURITY_POLICY);

        HttpResponse<String> admin = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(request("/admin").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("admin.js");
    }

    @Test
    void unknownApiPathsAnswerInJson() throws Exception {
        assertError(get("/api/nothing-here"), 404, "GET /api/nothing-here not found");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private JsonNode awaitState(java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        JsonNode state;
        do {
            state = JSON.readTree(get("/api/state").body());
            if (condition.test(state)) {
                return state;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("state never matched; last: " + state);
    }

    /** The data line of the next event with this name, skipping others. */
    private static String nextData(BlockingQueue<String> lines, String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean inEvent = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                inEvent = line.substring(6).trim().equals(event);
            } else if (inEvent && line.startsWith("data:")) {
                return line.substring(5).trim();
            }
        }
        throw new AssertionError("no '" + event + "' event within 5 s");
    }

    private static void assertError(HttpResponse<String> response, int status, String messagePart)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).contains(messagePart);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** Javalin answers an SSE route with an empty 200 unless the client asks for an event stream, as browsers do. */
    private HttpRequest events() {
        return request("/api/events").header("Accept", "text/event-stream").GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Collects event-stream lines until the test closes the stream (which ends the read with an exception). */
    private static void readUntilClosed(HttpResponse<Stream<String>> response, BlockingQueue<String> lines) {
        try {
            response.body().forEach(lines::add);
        } catch (java.io.UncheckedIOException closedByTheTest) {
            // expected at the end of each test
        }
    }
}
