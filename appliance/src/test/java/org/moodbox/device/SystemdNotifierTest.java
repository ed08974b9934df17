package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifierTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void sendsEachMessageAsOneDatagramToTheNotifySocket() throws Exception {
        try (NotifySocketListener systemd = NotifySocketListener.atPath(dir.resolve("notify"));
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()))) {
            assertThat(notifier.isActive()).isTrue();
            notifier.ready("serving http://127.0.0.1:8080/");
            notifier.status("camera reconnecting\nsecond line");
            notifier.watchdog();
            notifier.stopping("stopping");

            assertThat(systemd.next(WAIT)).isEqualTo("READY=1\nSTATUS=serving http://127.0.0.1:8080/");
            assertThat(systemd.next(WAIT)).isEqualTo("STATUS=camera reconnecting second line");
            assertThat(systemd.next(WAIT)).isEqualTo("WATCHDOG=1");
            assertThat(systemd.next(WAIT)).isEqualTo("STOPPING=1\nSTATUS=stopping");
        }
    }

    @Test
    void reachesASocketInTheAbstractNamespace() throws Exception {
        String name = "moodbox-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifySocketListener systemd = NotifySocketListener.abstractNamed(name);
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()))) {
            notifier.ready("up");
            assertThat(systemd.next(WAIT)).isEqualTo("READY=1\nSTATUS=up");
        }
    }

    @Test
    void outsideSystemdEveryCallDoesNothing() {
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of())) {
            assertThat(notifier.isActive()).isFalse();
            assertThat(notifier.watchdogTimeout()).isEmpty();
            notifier.ready("up");
            notifier.watchdog();
            notifier.stopping("bye");
        }
    }

    @Test
    void aVanishedSocketIsLoggedNotThrown() {
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(
                Map.of("NOTIFY_SOCKET", dir.resolve("nobody-listens").toString()))) {
            notifier.ready("up");
            notifier.watchdog();
        }
    }

    @Test
    void theWatchdogTimeoutComesFromWatchdogUsecWhenItIsForThisProcess() {
        Map<String, String> env = Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "30000000",
                "WATCHDOG_PID", "4242");
        assertThat(SystemdNotifier.fromEnvironment(env, 4242).watchdogTimeout()).contains(Duration.ofSeconds(30));
        assertThat(SystemdNotifier.fromEnvironment(env, 777).watchdogTimeout())
                .as("a child that inherited its parent's watchdog must not feed it").isEmpty();
        assertThat(SystemdNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "junk"), 1).watchdogTimeout()).isEmpty();
    }
}
