package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.device.RecentProblems;
import org.moodbox.device.RecentProblems.Problem;
import org.slf4j.LoggerFactory;

/**
 * Broken request bodies over real HTTP on loopback: a malformed chunked body and a client that hangs up
 * mid-body are 400 with one warning line, never a 500 with a stack trace, and a flood of them takes one entry
 * in the owner's list of recent problems.
 */
class BadBodiesTest {
    private static final String BAD_CHUNKED = "POST /api/play HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\n{\"tra\r\nZZ-not-a-size\r\nckId\":1}\r\n0\r\n\r\n";
    @RegisterExtension
    final WebRig rig = WebRig.kioskOnly();
    private RealRooms rooms;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        rooms = rig.rooms();
        server = rig.server();
    }

    @Test
    void aMalformedChunkedBodyIsA400AndItsFloodOneCountedLine() throws Exception {
        int errorsBefore = internalErrors();
        LoggerFactory.getLogger("org.moodbox.test.BadBodiesMarker").warn("a real problem the owner must still see");
        int flood = 200;
        for (int i = 0; i < flood; i++) {
            RawHttp.Answer answer = RawHttp.exchange(server.port(), BAD_CHUNKED, 10_000);
            assertThat(answer.status()).isEqualTo(400);
        }
        List<Problem> problems = RecentProblems.latest();
        assertThat(internalErrors()).as("no 500 logged").isEqualTo(errorsBefore);
        assertThat(problems).anyMatch(p -> p.message().equals("a real problem the owner must still see"));
        assertThat(problems).filteredOn(p -> p.message().contains("/api/play"))
                .singleElement().satisfies(p -> assertThat(p.count()).isGreaterThanOrEqualTo(flood));
    }

    @Test
    void aClientThatHangsUpMidBodyIsOneWarningNotAStackTrace() throws Exception {
        int errorsBefore = internalErrors();
        int hangUps = 5;
        int warnedBefore = brokeOffWarnings();
        for (int i = 0; i < hangUps; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                socket.setSoTimeout(10_000);
                // "Expect: 100-continue": the server answers "100 Continue" when the handler starts reading the
                // body, which is the moment to hang up mid-body (no guess at how long the server takes to get there).
                socket.getOutputStream().write(("POST /api/play HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                        socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertThat(statusLine).as("the server is reading the body").startsWith("HTTP/1.1 100");
                socket.getOutputStream().write("{\"trackId\":".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        }
        // Each hang-up is a warning when the server finds the body cut short: the fifth one is the sign all are in.
        org.awaitility.Awaitility.await("a warning per hang-up").atMost(java.time.Duration.ofSeconds(20))
                .until(() -> brokeOffWarnings() >= warnedBefore + hangUps);
        assertThat(internalErrors()).as("no 500 logged").isEqualTo(errorsBefore);
        assertThat(brokeOffWarnings()).as("one warning each").isEqualTo(warnedBefore + hangUps);
    }

    /** The "broke off" warnings for POST /api/play so far, counted (repeats of a line are counted, not listed). */
    private static int brokeOffWarnings() {
        return RecentProblems.latest().stream()
                .filter(p -> p.message().contains("POST /api/play") && p.message().contains("broke off"))
                .mapToInt(Problem::count).sum();
    }

    /** ERROR lines of the error mapper so far (the ring is shared by every test in this JVM). */
    private static int internalErrors() {
        return RecentProblems.latest().stream().filter(p -> p.level().equals("ERROR") && p.logger().equals("ApiErrors"))
                .mapToInt(Problem::count).sum();
    }
}
