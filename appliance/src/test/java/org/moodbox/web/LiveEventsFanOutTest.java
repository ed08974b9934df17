package org.moodbox.web;

import org.moodbox.web.shared.SseHub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One live-event client that stops reading (a hung browser tab) must not hold up the others, and is dropped.
 * Real server, real sockets on loopback; the event flood is bounded.
 */
class LiveEventsFanOutTest {
    private static final String SUBSCRIBE = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    private static final int BATCHES = 40;
    private static final int EVENTS_PER_BATCH = 2_000;
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
    void aClientThatStopsReadingDelaysNobodyAndIsDropped() throws Exception {
        try (Socket stalled = new Socket(); Socket healthy = new Socket()) {
            stalled.setReceiveBufferSize(1024); // fills up after a few events: its writes then block
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            stalled.getOutputStream().write(SUBSCRIBE.getBytes(StandardCharsets.US_ASCII));
            healthy.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            healthy.getOutputStream().write(SUBSCRIBE.getBytes(StandardCharsets.US_ASCII));
            healthy.setSoTimeout(30_000);
            AtomicInteger received = new AtomicInteger();
            Thread reader = new Thread(() -> countPresenceEvents(healthy, received), "healthy-sse-reader");
            reader.setDaemon(true);
            reader.start();
            waitFor(() -> server.liveClients() == 2, 5_000);

            int sent = 0;
            for (int batch = 0; batch < BATCHES; batch++) {
                for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                    server.presence(i % 2 == 0);
                }
                sent += EVENTS_PER_BATCH;
                int expected = sent;
                // The healthy page keeps up batch after batch, never waiting for the one that does not read.
                assertThat(waitFor(() -> received.get() >= expected, 3_000))
                        .as("healthy client got %d of %d events after batch %d", received.get(), expected, batch)
                        .isTrue();
            }
            assertThat(waitFor(() -> server.liveClients() == 1, (int) SseHub.WRITE_DEADLINE.toMillis() * 3))
                    .as("the stalled client is dropped").isTrue();
        }
    }

    private static void countPresenceEvents(Socket socket, AtomicInteger received) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("event: presence")) {
                    received.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the test closed the socket
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, int millis)
            throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
