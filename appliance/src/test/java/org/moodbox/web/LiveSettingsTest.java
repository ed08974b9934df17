package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.app.OwnerSettings;
import org.moodbox.settings.SettingsStore;
import org.moodbox.model.Emotion;

/**
 * Settings the owner saves on the phone reach the running rooms, wired as the appliance wires them: the
 * recommender reads its filter from the store per request, the player follows the cap, and the kiosk's cards
 * and night-dim schedule update without a restart.
 */
class LiveSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final WebRig rig = WebRig.withOwner().filters(OwnerSettings::trackFilter);
    private RealRooms rooms;
    private WebServer server;
    private AdminClient phone;

    @BeforeEach
    void start() throws Exception {
        SettingsStore settings = rig.settings();
        rooms = rig.rooms();
        rooms.cameraSees(Map.of(Emotion.NEUTRAL, 0.71, Emotion.HAPPY, 0.18, Emotion.SAD, 0.11));
        OwnerSettings.volumeCap(settings, rooms.player, 1.0);
        server = rig.server();
        phone = new AdminClient(server.port());
        phone.setUp(PASSWORD);
    }

    @Test
    void excludingAnArtistRemovesThemFromTheNextCards() throws Exception {
        JsonNode before = awaitState(s -> s.at("/recommendations").size() > 0);
        assertThat(artists(before)).as("precondition: the artist is on the cards").contains("Doug Kaufman");

        AdminClient.Reply saved = phone.put("/admin/api/settings", "{\"excludedArtists\": [\"doug kaufman\"]}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        JsonNode after = awaitState(s -> !artists(s).contains("Doug Kaufman"));
        assertThat(artists(after)).isNotEmpty().doesNotContain("Doug Kaufman");
        assertThat(rooms.recommender.calls()).as("recomputed at the save, not at the next mood").isGreaterThan(1);
    }

    @Test
    void savingALowerCapLowersTheLivePlayersVolume() throws Exception {
        assertThat(post("/api/volume", "{\"volume\": 0.75}").statusCode()).isEqualTo(200);
        awaitState(s -> s.at("/playback/volume").asDouble() == 0.75);

        assertThat(phone.put("/admin/api/settings", "{\"volumeCap\": 0.3}").status()).isEqualTo(200);

        awaitState(s -> s.at("/playback/volume").asDouble() == 0.3);
        assertThat(post("/api/volume", "{\"volume\": 1.0}").statusCode()).isEqualTo(200);
        assertThat(rooms.player.state().volume()).isEqualTo(0.3);
    }

    @Test
    void theNightDimScheduleIsInTheStateAndFollowsASave() throws Exception {
        JsonNode first = awaitState(s -> true);
        assertThat(first.at("/settings/screenSchedule/nightDimStart").asText()).isEqualTo("22:00");
        assertThat(first.at("/settings/screenSchedule/nightDimEnd").asText()).isEqualTo("07:00");

        assertThat(phone.put("/admin/api/settings",
                "{\"screenSchedule\": {\"nightDimStart\": \"21:15\", \"nightDimEnd\": \"06:30\"}}").status())
                .isEqualTo(200);
        JsonNode after = awaitState(s -> s.at("/settings/screenSchedule/nightDimStart").asText().equals("21:15"));
        assertThat(after.at("/settings/screenSchedule/nightDimEnd").asText()).isEqualTo("06:30");
        assertThat(after.at("/settings").size()).as("no artists or camera leak to the kiosk").isEqualTo(1);
    }

    private static List<String> artists(JsonNode state) {
        List<String> artists = new ArrayList<>();
        state.at("/recommendations").forEach(card -> artists.add(card.at("/track/artist").asText()));
        return artists;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitState(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        JsonNode state;
        do {
            state = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/state")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (condition.test(state)) {
                return state;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("state never matched; last: " + state);
    }
}
