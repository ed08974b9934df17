package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog against a real notify socket, with a 200 ms WATCHDOG_USEC so pings come every 100 ms. */
class ServiceWatchdogTest {
    @TempDir
    Path dir;

    @Test
    void feedsTheWatchdogOnlyWhileEveryCheckIsHealthy() throws Exception {
        AtomicReference<Optional<String>> vision = new AtomicReference<>(Optional.empty());
        HealthCheck web = Optional::empty;
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket(),
                     "WATCHDOG_USEC", "200000"));
             ServiceWatchdog ignored = ServiceWatchdog.start(notifier, List.of(vision::get, web), "serving")) {
            List<String> healthy = systemd.collect(Duration.ofMillis(1000));
            assertThat(healthy).containsOnly("WATCHDOG=1");
            // half of 200 ms: about 10 pings in a second; wide bounds for a busy 2-core machine
            assertThat(healthy.size()).isBetween(5, 13);

            vision.set(Optional.of("vision loop stopped"));
            List<String> sick = systemd.collect(Duration.ofMillis(800));
            assertThat(sick).contains("STATUS=unhealthy: vision loop stopped");
            assertThat(sick.subList(sick.indexOf("STATUS=unhealthy: vision loop stopped"), sick.size()))
                    .as("no ping after the problem was seen, and the status line only once")
                    .containsExactly("STATUS=unhealthy: vision loop stopped");

            vision.set(Optional.empty());
            List<String> recovered = systemd.collect(Duration.ofMillis(600));
            assertThat(recovered).contains("STATUS=serving").contains("WATCHDOG=1");
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
            assertThat(systemd.collect(Duration.ofMillis(500)))
                    .containsExactly("STATUS=unhealthy: health check failed: java.lang.IllegalStateException: boom");
        }
    }

    @Test
    void withoutWatchdogSecNothingIsScheduled() throws Exception {
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()));
             ServiceWatchdog ignored = ServiceWatchdog.start(notifier, List.of(Optional::empty), "serving")) {
            assertThat(systemd.collect(Duration.ofMillis(300))).isEmpty();
        }
    }
}
