package org.moodbox.web;
import org.moodbox.model.Emotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.catalog.PlayTally;
import org.moodbox.playback.PlaybackState.Status;

/**
 * Next, like and skip from the kiosk's now-playing bar, over HTTP against the real player, recommender and
 * catalog: next plays the following card, a like or a skip lands on the playing track's play in the catalog
 * (where the recommender reads it), and a verdict about a song that no longer plays changes nothing.
 */
class KioskPlaybackApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();

    @Test
    void nextLikeAndSkipActOnThePlayingSong() throws Exception {
        RealRooms rooms = rig.rooms();
        WebServer server = rig.kioskClient("127.0.0.1"::equals).server();
        String box = "http://127.0.0.1:" + server.port();
        rooms.moodTracker.override(Emotion.HAPPY);
        JsonNode cards = awaitCards(box, "happy");
        long first = cards.get(0).at("/track/id").asLong();
        long second = cards.get(1).at("/track/id").asLong();
        long third = cards.get(2).at("/track/id").asLong();

        assertThat(post(box + "/api/like", "{\"trackId\": " + first + "}").statusCode())
                .as("nothing plays yet").isEqualTo(409);
        JsonNode started = json(post(box + "/api/next", ""));
        assertThat(started.at("/playback/track/id").asLong()).as("next with nothing playing: the first card")
                .isEqualTo(first);
        JsonNode next = json(post(box + "/api/next", ""));
        assertThat(next.at("/playback/track/id").asLong()).isEqualTo(second);
        rooms.awaitAudible(second);

        HttpResponse<String> liked = post(box + "/api/like", "{\"trackId\": " + second + "}");
        assertThat(liked.statusCode()).as(liked.body()).isEqualTo(200);
        assertThat(json(liked).at("/liked").asLong()).isEqualTo(second);
        assertThat(rooms.catalog.playTallies()).contains(new PlayTally(second, 1, 0, 0));
        assertThat(rooms.player.state().track().id()).as("a like lets the song play on").isEqualTo(second);

        HttpResponse<String> stale = post(box + "/api/skip", "{\"trackId\": " + first + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).path("error").asText()).contains("no longer playing");
        assertThat(rooms.player.state().track().id()).isEqualTo(second);

        HttpResponse<String> skipped = post(box + "/api/skip", "{\"trackId\": " + second + "}");
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
        assertThat(json(skipped).at("/playback/track/id").asLong()).isEqualTo(third);
        assertThat(rooms.catalog.playTallies()).as("the skip replaces the like on that play")
                .contains(new PlayTally(second, 0, 1, 0));
        rooms.awaitPlayer("playing the third card", s -> s.status() == Status.PLAYING
                && s.track() != null && s.track().id() == third);

        assertThat(post(box + "/api/skip", "{\"trackId\": \"soon\"}").statusCode()).isEqualTo(400);
        assertThat(new PhoneClient("127.0.0.2", server.port()).send("POST", "/api/next", "").status())
                .isEqualTo(403);
    }

    private JsonNode awaitCards(String box, String emotion) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(box + "/api/state")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode cards = state.at("/recommendations");
            if (state.at("/mood/emotion").asText().equals(emotion) && cards.size() >= 3
                    && cards.get(0).path("reason").asText().contains(emotion)) {
                return cards;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no cards for " + emotion);
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
