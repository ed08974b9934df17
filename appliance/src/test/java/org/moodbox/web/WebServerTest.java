package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moodbox.catalog.Artwork;
import org.moodbox.mood.Mood;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.vision.Emotion;

/** The web room over real HTTP on an ephemeral port, with the stand-in rooms of {@link TestRoom}. */
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestRoom room;
    private WebServer server;

    @BeforeEach
    void start() {
        room = new TestRoom();
        server = room.startServer();
    }

    @AfterEach
    void stop() {
        server.close();
        room.close();
    }

    @Test
    void stateCarriesMoodCardsAndPlaybackButNoFilePaths() throws Exception {
        HttpResponse<String> response = get("/api/state");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode state = JSON.readTree(response.body());
        assertThat(state.at("/mood/emotion").asText()).isEqualTo("neutral");
        assertThat(state.at("/mood/confidence").asDouble()).isEqualTo(0.71);
        assertThat(state.at("/mood/probabilities/happy").asDouble()).isEqualTo(0.18);
        assertThat(state.at("/recommendations")).hasSize(WebServer.CARD_COUNT);
        JsonNode first = state.at("/recommendations/0");
        assertThat(first.at("/track/title").asText()).isNotBlank();
        assertThat(first.at("/track/attribution").asText()).isNotBlank();
        assertThat(first.at("/reason").asText()).contains("neutral");
        assertThat(first.at("/track/artwork").asText()).isEqualTo("/api/artwork/" + first.at("/track/id").asLong());
        assertThat(state.at("/playback/status").asText()).isEqualTo("stopped");
        assertThat(state.at("/playback/output").asText()).isEqualTo("null sink (no sound device)");
        assertThat(state.at("/catalogSize").asLong()).isEqualTo(12);
        assertThat(state.at("/cameraOn").asBoolean()).isTrue();
        // Only what a page needs: the track's file location stays on the box.
        assertThat(response.body()).doesNotContain("file://").doesNotContain("\"uri\"");
    }

    @Test
    void playingAKnownTrackStartsItAndShowsInTheState() throws Exception {
        HttpResponse<String> response = post("/api/play", "{\"trackId\": 7}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/playback/track/title").asText())
                .isEqualTo("Breaking the Chains");
        assertThat(room.player.state().status()).isEqualTo(Status.PLAYING);
        assertThat(room.player.state().track().id()).isEqualTo(7);
        assertThat(JSON.readTree(get("/api/state").body()).at("/playback/status").asText()).isEqualTo("playing");
    }

    @Test
    void badPlayRequestsAreRefusedWithAReasonAndChangeNothing() throws Exception {
        assertError(post("/api/play", "{\"trackId\": 999}"), 400, "no track with id 999");
        assertError(post("/api/play", "{}"), 400, "'trackId' is required");
        assertError(post("/api/play", "{\"trackId\": \"seven\"}"), 400, "must be a whole number");
        assertError(post("/api/play", "{not json"), 400, "not valid JSON");
        assertError(post("/api/play", ""), 400, "request body is empty");

        assertThat(room.player.transitions).isEmpty();
        assertThat(room.player.state().status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void pauseResumeStopAndVolumeReachThePlayer() throws Exception {
        post("/api/play", "{\"trackId\": 2}");
        assertThat(post("/api/pause", "").statusCode()).isEqualTo(200);
        assertThat(room.player.state().status()).isEqualTo(Status.PAUSED);
        assertThat(post("/api/resume", "").statusCode()).isEqualTo(200);
        assertThat(room.player.state().status()).isEqualTo(Status.PLAYING);
        assertThat(post("/api/volume", "{\"volume\": 0.25}").statusCode()).isEqualTo(200);
        assertThat(room.player.state().volume()).isEqualTo(0.25);
        assertThat(post("/api/stop", "").statusCode()).isEqualTo(200);
        assertThat(room.player.state().status()).isEqualTo(Status.STOPPED);

        assertError(post("/api/volume", "{\"volume\": 1.5}"), 400, "between 0 and 1");
        assertError(post("/api/volume", "{\"volume\": \"loud\"}"), 400, "must be a number");
        assertThat(room.player.state().volume()).isEqualTo(0.25);
    }

    @Test
    void overrideWithAnUnknownEmotionIsRefusedAndTheMoodStays() throws Exception {
        HttpResponse<String> response = post("/api/mood/override", "{\"emotion\": \"hangry\"}");

        assertError(response, 400, "unknown emotion 'hangry'");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("happy", "neutral");
        assertError(post("/api/mood/override", "{}"), 400, "'emotion' is required");
        assertThat(room.moodFeed.current().emotion()).isEqualTo(Emotion.NEUTRAL);
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
        int asked = room.recommender.asked.size();

        for (double confidence : new double[] {0.64, 0.69, 0.73, 0.66}) {
            room.moodFeed.publish(new Mood(Emotion.NEUTRAL, Map.of(Emotion.NEUTRAL, confidence), 0.58, 0.33,
                    confidence, true, true, "camera", Instant.now()));
        }
        awaitState(s -> s.at("/mood/confidence").asDouble() == 0.66);

        assertThat(JSON.readTree(get("/api/state").body()).at("/recommendations")).isEqualTo(before);
        assertThat(room.recommender.asked).hasSize(asked);
    }

    @Test
    void artworkIsTheStoredImageOrAGeneratedPlaceholder() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        room.artwork.put(1, new Artwork(png, "image/png"));

        HttpResponse<byte[]> stored = http.send(request("/api/artwork/1").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(stored.body()).isEqualTo(png);
        assertThat(stored.headers().firstValue("Cache-Control")).hasValue(ArtworkRoute.STORED_CACHE);

        HttpResponse<String> placeholder = get("/api/artwork/3");
        assertThat(placeholder.statusCode()).isEqualTo(200);
        assertThat(placeholder.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(placeholder.headers().firstValue("Cache-Control")).hasValue(ArtworkRoute.PLACEHOLDER_CACHE);
        assertThat(placeholder.body()).startsWith("<svg").contains(">TS</text>").contains("hsl(");

        assertError(get("/api/artwork/999"), 404, "no track with id 999");
        assertError(get("/api/artwork/abc"), 404, "no track with id 'abc'");
    }

    @Test
    void placeholdersOfDifferentMoodsLookDifferent() {
        String dark = ArtworkPlaceholder.svg(room.tracks.byId(8).orElseThrow());
        String bright = ArtworkPlaceholder.svg(room.tracks.byId(12).orElseThrow());
        assertThat(dark).isNotEqualTo(bright);
        assertThat(ArtworkPlaceholder.initials("Journey's End")).isEqualTo("JE");
        assertThat(ArtworkPlaceholder.initials("  ")).isEqualTo("\u266A");
        assertThat(ArtworkPlaceholder.svg(new org.moodbox.catalog.Track(50, "local", "x", "<b>&", "a", null, null,
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
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-test-reader");
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
            assertThat(nextData(lines, "recommendations")).contains("close to sad");

            post("/api/play", "{\"trackId\": 4}");
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
        Thread reader = new Thread(() -> staying.body().forEach(lines::add), "sse-test-reader");
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
}
