package org.moodbox.web;

import org.moodbox.web.admin.AdminSessions;
import org.moodbox.web.kiosk.KioskOnly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bound to 0.0.0.0 for the phone, the kiosk controls still answer only the box itself. The network client is
 * real: the server is reached on a non-loopback address of this machine, so the socket's peer is that address.
 */
class KioskOnlyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();

    @Test
    void decidesByTheSocketsPeerForControlsAndTheLiveStreamOnly() {
        assertThat(KioskOnly.allows("POST", "/api/play", "127.0.0.1")).isTrue();
        assertThat(KioskOnly.allows("POST", "/api/play", "127.3.4.5")).isTrue();
        assertThat(KioskOnly.allows("POST", "/api/play", "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(KioskOnly.allows("POST", "/api/play", "[::1]")).isTrue();
        assertThat(KioskOnly.allows("POST", "/api/volume", "192.168.1.20")).isFalse();
        assertThat(KioskOnly.allows("post", "/api/mood/override", "fe80::1%wlan0")).isFalse();
        assertThat(KioskOnly.allows("GET", "/api/events", "10.0.0.7")).isFalse();
        assertThat(KioskOnly.allows("POST", "/api/play", "localhost")).as("names are never resolved").isFalse();
        assertThat(KioskOnly.allows("POST", "/api/play", "")).isFalse();
        assertThat(KioskOnly.allows("POST", "/api/play", null)).isFalse();
        // The state carries the mood: the box only. Open to the phone: artwork, the admin API, the pages.
        assertThat(KioskOnly.allows("GET", "/api/state", "192.168.1.20")).isFalse();
        assertThat(KioskOnly.allows("GET", "/api/state", "127.0.0.1")).isTrue();
        assertThat(KioskOnly.allows("POST", "/api/next", "192.168.1.20")).isFalse();
        assertThat(KioskOnly.allows("GET", "/api/artwork/3", "192.168.1.20")).isTrue();
        assertThat(KioskOnly.allows("POST", "/admin/api/signin", "192.168.1.20")).isTrue();
        assertThat(KioskOnly.allows("GET", "/", "192.168.1.20")).isTrue();
    }

    /**
     * Over real sockets, all on the loopback interface (nothing here may send traffic elsewhere): the server
     * counts only 127.0.0.1 as the kiosk screen, and a client bound to 127.0.0.2 plays a phone on the Wi-Fi.
     * The rule itself (loopback = the box) is tested above.
     */
    @Test
    void aPhoneOnTheNetworkCannotDriveTheKioskButReachesTheAdminPage() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        RealRooms rooms = rig.rooms();
        WebServer server = rig.kioskClient("127.0.0.1"::equals).server();
        PhoneClient phone = new PhoneClient("127.0.0.2", server.port());
        String box = "http://127.0.0.1:" + server.port();

        PhoneClient.Answer refused = phone.send("POST", "/api/volume", "{\"volume\": 0.1}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo(KioskOnly.REFUSAL);
        assertThat(rooms.player.state().volume()).as("nothing changed").isNotEqualTo(0.1);
        assertThat(phone.send("POST", "/api/mood/override", "{\"emotion\": \"sad\"}").status()).isEqualTo(403);
        assertThat(phone.send("GET", "/api/events", null).status()).isEqualTo(403);

        assertThat(phone.send("GET", "/api/state", null).status()).as("the mood is not for the network")
                .isEqualTo(403);
        assertThat(phone.send("GET", "/api/artwork/" + rooms.id("Nebula"), null).status()).isEqualTo(200);
        assertThat(phone.send("GET", "/admin/api/session", null).status()).isEqualTo(200);
        assertThat(phone.send("GET", "/admin/api/status", null).status()).as("status needs a sign-in")
                .isEqualTo(401);
        assertThat(phone.send("GET", "/admin", null).status()).isEqualTo(200);

        assertThat(post(http, box + "/api/volume", "{\"volume\": 0.1}").statusCode()).isEqualTo(200);
        assertThat(rooms.player.state().volume()).isEqualTo(0.1);
    }

    /**
     * The owner's phone (127.0.0.2) reads the box's state, mood included, from the signed-in status endpoint,
     * while the kiosk's own state endpoint stays closed to it.
     */
    @Test
    void theOwnersPhoneReadsTheStatusSignedInButNotTheKioskState() throws Exception {
        RealRooms rooms = rig.rooms();
        WebServer server = rig.kioskClient("127.0.0.1"::equals).server();
        rooms.moodTracker.override(org.moodbox.model.Emotion.SAD);
        PhoneClient phone = new PhoneClient("127.0.0.2", server.port());
        PhoneClient.Answer session = phone.send("GET", "/admin/api/session", null);
        String cookie = session.header("Set-Cookie").split(";")[0];
        String csrf = JSON.readTree(session.body()).path("csrfToken").asText();
        String password = "the owner's password";
        PhoneClient.Answer setup = phone.send("POST", "/admin/api/setup",
                "{\"password\": \"" + password + "\", \"confirm\": \"" + password + "\"}",
                java.util.Map.of("Cookie", cookie, AdminSessions.CSRF_HEADER, csrf));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        String signedIn = setup.header("Set-Cookie").split(";")[0]; // a new session on sign-in

        PhoneClient.Answer status = phone.send("GET", "/admin/api/status", null, java.util.Map.of("Cookie", signedIn));
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).at("/mood/emotion").asText()).isEqualTo("sad");
        assertThat(JSON.readTree(status.body()).at("/catalogSize").asInt()).isEqualTo(12);
        assertThat(phone.send("GET", "/api/state", null, java.util.Map.of("Cookie", signedIn)).status())
                .as("signed in or not, the kiosk state is the box's").isEqualTo(403);
        assertThat(get(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port() + "/api/state")
                .statusCode()).as("the kiosk screen itself").isEqualTo(200);
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
