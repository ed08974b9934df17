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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog against a real notify socket, with a 200 ms WATCHDOG_USEC so pings come every 100 ms, and the
 * real web liveness check against a local HTTP server the test makes sick and well again. Every step waits for
 * the message it expects; "no ping while sick" is a window in which a correct watchdog sends nothing at all.
 */
class ServiceWatchdogTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void feedsTheWatchdogOnlyWhileEveryCheckIsHealthy() throws Exception {
        AtomicInteger answer = new AtomicInteger(200);
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
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
            assertThat(systemd.collect(Duration.ofMillis(800)))
                    .as("no ping while sick, and the status line only once").isEmpty();

            answer.set(200);
            assertThat(systemd.untilStatus(PATIENCE)).as("the first healthy round pings, then says so")
                    .containsExactly("WATCHDOG=1", "STATUS=serving");
            assertThat(systemd.next(PATIENCE)).isEqualTo("WATCHDOG=1");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void aThrowingCheckCountsAsAProblem() throws Exception {
        HealthCheck broken = () -> {
            throw new IllegalStateException("boom");
        };
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket(),
                     "WATCHDOG_USEC", "200000"));
             ServiceWatchdog ignored = ServiceWatchdog.start(notifier, List.of(broken), "serving")) {
            assertThat(systemd.untilStatus(PATIENCE))
                    .containsExactly("STATUS=unhealthy: health check failed: java.lang.IllegalStateException: boom");
            assertThat(systemd.collect(Duration.ofMillis(500))).as("no ping, no second status line").isEmpty();
        }
    }

    @Test
    void withoutWatchdogSecNothingIsScheduled() throws Exception {
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()));
             ServiceWatchdog ignored = ServiceWatchdog.start(notifier, List.of(Optional::empty), "serving")) {
            assertThat(systemd.collect(Duration.ofMillis(300))).as("a window in which nothing may come").isEmpty();
        }
    }
}
