package org.moodbox.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sd_notify protocol (systemd.exec NOTIFY_SOCKET): one datagram per message to the AF_UNIX socket
 * systemd names in {@code $NOTIFY_SOCKET}. Sent from this very process, so {@code NotifyAccess=main}
 * attributes it by the kernel-supplied sender PID, without the race {@code systemd-notify} has.
 * Outside systemd (no NOTIFY_SOCKET) every call does nothing. A failed send is logged, never thrown:
 * the kiosk must not stop because a status line could not be delivered.
 */
public final class SystemdNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    private final UnixSocketAddress socket;
    private final Duration watchdogInterval;
    private UnixDatagramChannel channel;
    private boolean sendFailureLogged;

    private SystemdNotifier(UnixSocketAddress socket, Duration watchdogInterval) {
        this.socket = socket;
        this.watchdogInterval = watchdogInterval;
    }

    /** Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID from the given environment (usually System.getenv()). */
    public static SystemdNotifier fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, ProcessHandle.current().pid());
    }

    static SystemdNotifier fromEnvironment(Map<String, String> env, long ownPid) {
        String path = env.get("NOTIFY_SOCKET");
        UnixSocketAddress socket = path == null || path.isBlank() ? null : new UnixSocketAddress(socketPath(path));
        return new SystemdNotifier(socket, watchdogInterval(env, ownPid));
    }

    /** "@name" is a socket in the abstract namespace, which the socket address spells with a leading NUL. */
    private static String socketPath(String notifySocket) {
        return notifySocket.startsWith("@") ? "\0" + notifySocket.substring(1) : notifySocket;
    }

    /**
     * The watchdog is ours when WATCHDOG_USEC is set and WATCHDOG_PID, if present, is this process (systemd sets
     * it so that a child inheriting the environment does not ping for its parent).
     */
    private static Duration watchdogInterval(Map<String, String> env, long ownPid) {
        String usec = env.get("WATCHDOG_USEC");
        String pid = env.get("WATCHDOG_PID");
        try {
            if (usec == null || (pid != null && Long.parseLong(pid.trim()) != ownPid)) {
                return null;
            }
            long micros = Long.parseLong(usec.trim());
            return micros > 0 ? Duration.ofNanos(micros * 1000) : null;
        } catch (NumberFormatException e) {
            LOG.warn("ignoring malformed WATCHDOG_USEC={} / WATCHDOG_PID={}", usec, pid);
            return null;
        }
    }

    /** True when systemd listens: started by a Type=notify unit. */
    public boolean isActive() {
        return socket != null;
    }

    /** How long systemd waits for a WATCHDOG=1 before it restarts us, when the unit has WatchdogSec=. */
    public Optional<Duration> watchdogTimeout() {
        return Optional.ofNullable(watchdogInterval);
    }

    /** The service is serving: systemd finishes the start job and starts units ordered after us. */
    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    /** A line for {@code systemctl status moodbox}. */
    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    /** "Still alive": sent only while the service is healthy, so a hang turns into a restart. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    /** The service is shutting down on purpose: systemd does not count what follows as a failure. */
    public void stopping(String status) {
        send("STOPPING=1\nSTATUS=" + oneLine(status));
    }

    /** Status text is one message field: a newline would start a new (unintended) assignment. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }

    synchronized void send(String message) {
        if (socket == null) {
            return;
        }
        try {
            if (channel == null) {
                channel = UnixDatagramChannel.open();
            }
            channel.send(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), socket);
            sendFailureLogged = false;
        } catch (IOException | RuntimeException e) {
            if (!sendFailureLogged) { // one line per outage, not one every watchdog tick
                LOG.warn("systemd notify to {} failed: {}", socket.humanReadablePath(), e.toString());
                sendFailureLogged = true;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing the notify socket: {}", e.toString());
            }
            channel = null;
        }
    }
}
