package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;

/**
 * Bound to 0.0.0.0 for the phone, the kiosk controls still answer only the box itself. The network client is
 * real: the server is reached on a non-loopback address of this machine, so the socket's peer is that address.
 */
class KioskOnlyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path folder;

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
        // Open to the phone: the read-only state the admin status panel polls, artwork, the admin API, pages.
        assertThat(KioskOnly.allows("GET", "/api/state", "192.168.1.20")).isTrue();
        assertThat(KioskOnly.allows("GET", "/api/artwork/3", "192.168.1.20")).isTrue();
        assertThat(KioskOnly.allows("POST", "/admin/api/signin", "192.168.1.20")).isTrue();
        assertThat(KioskOnly.allows("GET", "/", "192.168.1.20")).isTrue();
    }

    @Test
    void aPhoneOnTheNetworkCannotDriveTheKioskButReachesTheAdminPage() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeThat(lan).as("this machine has a non-loopback IPv4 address").isPresent();
        Path data = Files.createDirectories(folder.resolve("data"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (RealRooms rooms = RealRooms.in(folder);
             WebServer server = rooms.startServer(SettingsStore.open(data), AdminSecrets.open(data), "0.0.0.0")) {
            String network = "http://" + lan.get().getHostAddress() + ":" + server.port();
            String box = "http://127.0.0.1:" + server.port();

            HttpResponse<String> refused = post(http, network + "/api/volume", "{\"volume\": 0.1}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo(KioskOnly.REFUSAL);
            assertThat(rooms.player.state().volume()).as("nothing changed").isNotEqualTo(0.1);
            assertThat(post(http, network + "/api/mood/override", "{\"emotion\": \"sad\"}").statusCode())
                    .isEqualTo(403);
            assertThat(get(http, network + "/api/events").statusCode()).isEqualTo(403);

            assertThat(get(http, network + "/api/state").statusCode()).isEqualTo(200);
            assertThat(get(http, network + "/admin/api/session").statusCode()).isEqualTo(200);
            assertThat(get(http, network + "/admin").statusCode()).isEqualTo(200);

            assertThat(post(http, box + "/api/volume", "{\"volume\": 0.1}").statusCode()).isEqualTo(200);
            assertThat(rooms.player.state().volume()).isEqualTo(0.1);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
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
