package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

    /** systemd restarted (its socket gone for a moment): one warning for the outage, no exception, and the pings
     *  reach the socket again once it is back. */
    @Test
    void aVanishedSocketIsLoggedOnceNotThrownAndRecoveredFrom() throws Exception {
        Path socket = dir.resolve("notify");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SystemdNotifier.class);
        logger.addAppender(log);
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.toString()))) {
            notifier.ready("up");
            notifier.watchdog();
            notifier.watchdog();
            assertThat(log.list).as("one line per outage, not one per ping").hasSize(1);
            assertThat(log.list.get(0).getFormattedMessage()).startsWith("systemd notify to " + socket + " failed: ");

            try (NotifySocketListener systemd = NotifySocketListener.atPath(socket)) {
                notifier.watchdog();
                assertThat(systemd.next(WAIT)).isEqualTo("WATCHDOG=1");
            }
        } finally {
            logger.detachAppender(log);
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
