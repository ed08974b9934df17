package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.device.HttpLivenessCheck;

/**
 * Slow request bodies on loopback: 300 sign-ins that declare 100 bytes and send one. The kiosk's state and the
 * watchdog's health probe must keep answering, and each slow body is cut off after the body deadline. The
 * attack is bounded: a fixed set of sockets, all closed at the end.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private WebServer server;
    private final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rooms = rig.rooms();
        Path data = rig.data();
        server = rig.server();
    }

    @AfterEach
    void stop() {
        for (Socket socket : slow) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Test
    void slowBodiesNeitherStallTheKioskNorTheWatchdogAndAreCutOff() throws Exception {
        int port = server.port();
        String host = "127.0.0.1:" + port;
        new AdminClient(port).setUp("correct horse battery"); // sign-in reads its body only once a password is set
        RawHttp.Answer session = RawHttp.request(port, "GET", "/admin/api/session", host, "", null);
        String cookie = session.cookie().orElseThrow();
        String token = JSON.readTree(session.body()).path("csrfToken").asText();
        String slowSignIn = "POST /admin/api/signin HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie
                + "\r\nX-CSRF-Token: " + token + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket();
            slow.add(socket);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.getOutputStream().write(slowSignIn.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        // The kiosk screen reads its state, and the watchdog probes the server, while every slow body waits.
        HttpClient kiosk = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> state = kiosk.send(HttpRequest.newBuilder(URI.create("http://" + host + "/api/state"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(state.statusCode()).isEqualTo(200);
        }
        assertThat(new HttpLivenessCheck(URI.create("http://" + host + "/"), Duration.ofSeconds(3)).problem())
                .isEmpty();

        // Each slow sign-in ends (answered or closed) within the body deadline plus slack, not whenever it likes.
        Socket first = slow.get(0);
        first.setSoTimeout((int) (WebServer.BODY_DEADLINE.toMillis() * 3));
        assertThat(endsWithin(first.getInputStream())).as("the first slow body is cut off").isTrue();
        Socket last = slow.get(SLOW_CLIENTS - 1);
        last.setSoTimeout(60_000);
        assertThat(endsWithin(last.getInputStream())).as("the last slow body is cut off").isTrue();
    }

    /** True when the server answered or closed the connection before the socket's read timeout. */
    private static boolean endsWithin(InputStream in) throws IOException {
        try {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // drain whatever answer comes; the server closes after it
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server: cut off too
        }
    }
}
