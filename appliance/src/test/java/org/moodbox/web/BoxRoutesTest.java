package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.PasswordHash;

/**
 * GET /api/box and the 'presence' event: the owner's page address for a new box's screen, gone once the
 * password is set, and the presence sensor's word for the kiosk only (a phone learns nothing about the room).
 */
class BoxRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADDRESS = "http://moodbox-3f2a.local:8080/admin";

    @RegisterExtension
    final WebRig rig = WebRig.withOwner();

    @Test
    void tellsTheScreenWhereTheOwnersPageIsUntilThePasswordIsSet() throws Exception {
        AdminSecrets secrets = rig.secrets();
        RealRooms rooms = rig.rooms();
        WebServer server = rig.kioskClient("127.0.0.1"::equals).server();
        JsonNode before = getBox(server);
        assertThat(before.get("adminUrl").isNull()).as("no address known: nothing to show").isTrue();

        server.adminAddress(() -> Optional.of(ADDRESS));
        JsonNode box = getBox(server);
        assertThat(box.get("adminUrl").asText()).isEqualTo(ADDRESS);
        assertThat(box.get("adminPasswordSet").asBoolean()).isFalse();
        assertThat(box.get("present").asBoolean()).as("awake until the sensor says otherwise").isTrue();

        secrets.setAdminPassword(new PasswordHash("PBKDF2WithHmacSHA256", 1000, "c2FsdA==", "aGFzaA=="));
        assertThat(getBox(server).get("adminPasswordSet").asBoolean()).isTrue();

        // Everything under /api/ but the artwork answers only the box's own screen; a phone already knows
        // the address it used, and presence is for the kiosk alone.
        PhoneClient phone = new PhoneClient("127.0.0.2", server.port());
        assertThat(phone.send("GET", "/api/box", null).status()).isEqualTo(403);
    }

    @Test
    void thePresenceSensorReachesTheKioskAsAnEventAndInTheState() throws Exception {
        RealRooms rooms = rig.rooms();
        WebServer server = rig.withoutOwner().server();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/events"))
                        // Javalin answers an empty 200 unless the client asks for a stream, as browsers do.
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.liveClients() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        server.presence(false);
        CompletableFuture<String> presence = CompletableFuture.supplyAsync(() -> dataOf(events, "presence"));
        assertThat(JSON.readTree(presence.get(10, TimeUnit.SECONDS)).get("present").asBoolean()).isFalse();
        assertThat(getBox(server).get("present").asBoolean()).as("a page loaded now starts asleep").isFalse();
        stream.body().close();
    }

    private static String dataOf(BufferedReader events, String name) {
        try {
            boolean named = false;
            for (String line; (line = events.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    named = line.substring(6).trim().equals(name);
                } else if (named && line.startsWith("data:")) {
                    return line.substring(5).trim();
                }
            }
            throw new AssertionError("the stream ended before a '" + name + "' event");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode getBox(WebServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/box")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
