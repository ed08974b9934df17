package org.moodbox.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * Plays systemd's part in tests: a real AF_UNIX datagram socket bound where NOTIFY_SOCKET points, collecting
 * each datagram as one message, as PID 1 does.
 */
final class NotifySocketListener implements AutoCloseable {
    private final UnixDatagramChannel channel;
    private final String notifySocket;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final Thread reader;

    private NotifySocketListener(UnixDatagramChannel channel, String notifySocket) {
        this.channel = channel;
        this.notifySocket = notifySocket;
        this.reader = new Thread(this::readLoop, "notify-listener");
        reader.setDaemon(true);
        reader.start();
    }

    /** A socket file at the given path (the usual /run/systemd/notify form). */
    static NotifySocketListener atPath(Path path) throws IOException {
        UnixDatagramChannel channel = UnixDatagramChannel.open();
        channel.bind(new UnixSocketAddress(path.toFile()));
        return new NotifySocketListener(channel, path.toString());
    }

    /** A socket in the abstract namespace, which NOTIFY_SOCKET spells "@name". */
    static NotifySocketListener abstractNamed(String name) throws IOException {
        UnixDatagramChannel channel = UnixDatagramChannel.open();
        channel.bind(new UnixSocketAddress("\0" + name));
        return new NotifySocketListener(channel, "@" + name);
    }

    String notifySocket() {
        return notifySocket;
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                channel.receive(buffer);
                buffer.flip();
                if (buffer.hasRemaining()) {
                    messages.add(StandardCharsets.UTF_8.decode(buffer).toString());
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The next message, or null when none arrives in time. */
    String next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The messages up to and including the first that is not a watchdog ping, as they arrive; fails when none
     * comes within {@code timeout} (an event awaited, not a window).
     */
    List<String> untilStatus(Duration timeout) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            String message = messages.poll(left, TimeUnit.NANOSECONDS);
            if (message != null) {
                seen.add(message);
                if (!message.equals("WATCHDOG=1")) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no message but pings within " + timeout + ": " + seen);
    }

    /** Every message that arrives within the window. */
    List<String> collect(Duration window) throws InterruptedException {
        List<String> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            String message = messages.poll(left, TimeUnit.NANOSECONDS);
            if (message != null) {
                all.add(message);
            }
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        reader.interrupt();
    }
}
