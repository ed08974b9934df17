package org.moodbox.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Server-Sent-Event streams, each with its own queue of events.
 *
 * <p>Why a queue per stream: events come from the player's and the mood tracker's threads, and two writers on
 * one HTTP stream would interleave their bytes, so each stream is written by one task at a time, in order. A
 * write blocks while the browser does not read (a hung tab); with one sender for all streams that froze live
 * updates for every kiosk page for up to 30 s. Now a stream only waits for itself, on a small shared pool, and
 * a stream whose write has not finished within {@link #WRITE_DEADLINE}, or whose queue passes
 * {@value #MAX_PENDING} events, is dropped: its connection is closed, which also ends the blocked write.
 */
public final class SseHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    private static final long PING_SECONDS = 15;
    public static final Duration WRITE_DEADLINE = Duration.ofSeconds(5);
    static final int MAX_PENDING = 10_000;
    /** Writers at once: more than a few hung tabs at the same time is not a case worth threads. */
    private static final int WRITERS = 8;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "moodbox-sse-timer"));
    private final ThreadPoolExecutor writers;
    private final ObjectMapper json;

    public SseHub(ObjectMapper json) {
        this.json = json;
        AtomicInteger count = new AtomicInteger();
        this.writers = new ThreadPoolExecutor(WRITERS, WRITERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "moodbox-sse-writer-" + count.incrementAndGet()));
        writers.allowCoreThreadTimeOut(true);
        timer.scheduleAtFixedRate(() -> forEachStream(s -> s.offer(c -> c.sendComment("ping"))), PING_SECONDS,
                PING_SECONDS, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::dropStalled, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Keeps the request open, registers the client and sends it the greeting (typically the current state) as
     * its stream's first event, so the greeting cannot interleave with a broadcast.
     */
    public void join(SseClient client, Consumer<SseClient> greeting) {
        client.keepAlive();
        Stream stream = new Stream(client);
        client.onClose(() -> streams.remove(stream));
        streams.add(stream);
        stream.offer(c -> {
            if (!c.terminated()) {
                greeting.accept(c);
            }
        });
    }

    /** Sends one named event with a JSON body to every client; serialised once. */
    public void broadcast(String event, Object data) {
        String body = toJson(data);
        forEachStream(s -> s.offer(c -> c.sendEvent(event, body)));
    }

    /** Sends to one client; call from a greeting (already on that client's stream). */
    public void send(SseClient client, String event, Object data) {
        client.sendEvent(event, toJson(data));
    }

    public int clientCount() {
        return streams.size();
    }

    private void forEachStream(Consumer<Stream> action) {
        for (Stream stream : streams) {
            if (stream.client.terminated()) {
                streams.remove(stream);
            } else {
                action.accept(stream);
            }
        }
    }

    private void dropStalled() {
        long now = System.nanoTime();
        forEachStream(stream -> {
            long since = stream.writingSince;
            if (since != 0 && now - since > WRITE_DEADLINE.toNanos()) {
                drop(stream, "it has not taken an event for " + WRITE_DEADLINE.toSeconds() + " s");
            }
        });
    }

    /** Forgets a stream and closes its connection, which fails a write blocked on it. */
    private void drop(Stream stream, String why) {
        if (!streams.remove(stream)) {
            return;
        }
        LOG.info("live-event client dropped: {}", why);
        try {
            ServletContextRequest.getServletContextRequest(stream.client.ctx().req())
                    .getConnectionMetaData().getConnection().getEndPoint()
                    .close(new TimeoutException("live-event client dropped: " + why));
        } catch (RuntimeException e) {
            LOG.debug("closing a dropped SSE connection", e);
        }
        closeQuietly(stream.client);
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise SSE event", e);
        }
    }

    private static void closeQuietly(SseClient client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("closing SSE client", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        writers.shutdownNow();
        streams.forEach(s -> closeQuietly(s.client));
        streams.clear();
    }

    /** One client's events in order, written by at most one task at a time. */
    private final class Stream {
        private final SseClient client;
        private final Queue<Consumer<SseClient>> pending = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean draining = new AtomicBoolean();
        /** System.nanoTime() when the current write began, 0 between writes. */
        private volatile long writingSince;

        Stream(SseClient client) {
            this.client = client;
        }

        void offer(Consumer<SseClient> event) {
            if (size.incrementAndGet() > MAX_PENDING) {
                drop(this, "it fell " + MAX_PENDING + " events behind");
                return;
            }
            pending.add(event);
            scheduleDrain();
        }

        private void scheduleDrain() {
            if (draining.compareAndSet(false, true)) {
                try {
                    writers.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    LOG.debug("SSE hub closed; event dropped");
                }
            }
        }

        private void drain() {
            try {
                Consumer<SseClient> event;
                while (streams.contains(this) && (event = pending.poll()) != null) {
                    size.decrementAndGet();
                    writingSince = System.nanoTime();
                    try {
                        event.accept(client);
                    } catch (RuntimeException e) {
                        // A browser that closed its tab mid-write: drop it, the others still get the event.
                        LOG.debug("dropping SSE client after failed write", e);
                        drop(this, "a write failed");
                    } finally {
                        writingSince = 0;
                    }
                }
            } finally {
                draining.set(false);
            }
            if (!pending.isEmpty() && streams.contains(this)) {
                scheduleDrain();
            }
        }
    }
}
