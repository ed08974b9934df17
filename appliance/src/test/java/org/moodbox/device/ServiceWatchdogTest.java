package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog against a real notify socket, with a 200 ms WATCHDOG_USEC so pings come every 100 ms, and the
 * real web liveness check against a local HTTP server the test makes sick and well again. Every step waits for
 * the message it expects. "No ping while sick" is shown by events, not a window: two more rounds of checks (the
 * second began after the first had decided), then a marker of the test's own sent down the same socket; the
 * messages up to the marker are everything the watchdog said in between.
 */
class ServiceWatchdogTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void feedsTheWatchdogOnlyWhileEveryCheckIsHealthy() throws Exception {
        AtomicInteger answer = new AtomicInteger(200);
        AtomicInteger asked = new AtomicInteger();
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        web.start();
        URI page = URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/");
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket(),
                     "WATCHDOG_USEC", "200000"));
             ServiceWatchdog ignored = ServiceWatchdog.start(notifier,
                     List.of(new HttpLivenessCheck(page, Duration.ofSeconds(5))), "serving")) {
            for (int i = 0; i < 3; i++) {
                assertThat(systemd.next(PATIENCE)).as("ping " + i).isEqualTo("WATCHDOG=1");
            }

            answer.set(503);
            List<String> sick = systemd.untilStatus(PATIENCE);
            assertThat(sick.get(sick.size() - 1)).isEqualTo("STATUS=unhealthy: web server answers 503 on " + page);
            assertThat(saidAfterTwoRounds(systemd, notifier, asked))
                    .as("no ping while sick, and the status line only once").isEmpty();

            answer.set(200);
            assertThat(systemd.untilStatus(PATIENCE)).as("the first healthy round pings, then says so")
                    .containsExactly("WATCHDOG=1", "STATUS=serving");
            assertThat(systemd.next(PATIENCE)).isEqualTo("WATCHDOG=1");
        } finally {
            web.stop(0);
        }
    }

    /**
     * What the watchdog sends while ROUNDS counts two more of its rounds: the second round began after the first
     * had sent whatever it sends, and a marker then sent down the same socket comes after all of it.
     */
    private static List<String> saidAfterTwoRounds(NotifySocketListener systemd, SystemdNotifier notifier,
                                                   AtomicInteger rounds) throws InterruptedException {
        int from = rounds.get();
        Awaitility.await("two more rounds of checks").atMost(PATIENCE).until(() -> rounds.get() >= from + 2);
        notifier.status("test marker");
        List<String> said = systemd.untilStatus(PATIENCE);
        assertThat(said).last().isEqualTo("STATUS=test marker");
        return said.subList(0, said.size() - 1);
    }

    @Test
    void aThrowingCheckCountsAsAProblem() throws Exception {
        // No check of ours throws (each turns its failure into a problem); this is the watchdog's guard for a bug.
        AtomicInteger rounds = new AtomicInteger();
        HealthCheck broken = () -> {
            rounds.incrementAndGet();
            throw new IllegalStateException("boom");
        };
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket(),
                     "WATCHDOG_USEC", "200000"));
             ServiceWatchdog ignored = ServiceWatchdog.start(notifier, List.of(broken), "serving")) {
            assertThat(systemd.untilStatus(PATIENCE))
                    .containsExactly("STATUS=unhealthy: health check failed: java.lang.IllegalStateException: boom");
            assertThat(saidAfterTwoRounds(systemd, notifier, rounds)).as("no ping, no second status line").isEmpty();
        }
    }

    @Test
    void withoutWatchdogSecNothingIsScheduled() throws Exception {
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()));
             // The real check, on a port nobody serves: had a round run, it would have said so in a status line.
             ServiceWatchdog ignored = ServiceWatchdog.start(notifier,
                     List.of(new HttpLivenessCheck(URI.create("http://127.0.0.1:9/"), Duration.ofSeconds(1))),
                     "serving")) {
            assertThat(systemd.collect(Duration.ofMillis(300))).as("a window in which nothing may come").isEmpty();
        }
    }
}
