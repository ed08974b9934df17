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
        for (int i = 0; i < 5; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                socket.getOutputStream().write(("POST /api/play HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 100\r\n\r\n{\"trackId\":").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                Thread.sleep(300); // let the server start reading the body, then hang up
            }
        }
        Thread.sleep(500);
        List<Problem> problems = RecentProblems.latest();
        assertThat(internalErrors()).as("no 500 logged").isEqualTo(errorsBefore);
        assertThat(problems).anyMatch(p -> p.message().contains("POST /api/play")
                && p.message().contains("broke off"));
    }

    /** ERROR lines of the error mapper so far (the ring is shared by every test in this JVM). */
    private static int internalErrors() {
        return RecentProblems.latest().stream().filter(p -> p.level().equals("ERROR") && p.logger().equals("ApiErrors"))
                .mapToInt(Problem::count).sum();
    }
}
