package org.moodbox.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Server-Sent-Event streams and the one thread that writes to them.
 *
 * <p>Why one thread: events come from the player's and the mood tracker's threads, and two writers on one
 * HTTP stream would interleave their bytes; a single sender also keeps those threads from waiting on a slow
 * browser. Clients that went away are noticed on the next write (or the periodic ping) and dropped quietly.
 */
public final class SseHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    private static final long PING_SECONDS = 15;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "moodbox-sse-sender");
        t.setDaemon(true);
        return t;
    });
    private final ObjectMapper json;

    public SseHub(ObjectMapper json) {
        this.json = json;
        sender.scheduleAtFixedRate(() -> forEachClient(c -> c.sendComment("ping")), PING_SECONDS, PING_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Keeps the request open, registers the client and sends it the greeting (typically the current state) on
     * the sender thread, so the greeting cannot interleave with a broadcast.
     */
    public void join(SseClient client, Consumer<SseClient> greeting) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        submit(() -> {
            if (!client.terminated()) {
                greeting.accept(client);
            }
        });
    }

    /** Sends one named event with a JSON body to every client; serialised once. */
    public void broadcast(String event, Object data) {
        String body = toJson(data);
        submit(() -> forEachClient(c -> c.sendEvent(event, body)));
    }

    /** Sends to one client; call from a greeting (already on the sender thread). */
    public void send(SseClient client, String event, Object data) {
        client.sendEvent(event, toJson(data));
    }

    public int clientCount() {
        return clients.size();
    }

    private void forEachClient(Consumer<SseClient> action) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
                continue;
            }
            try {
                action.accept(client);
            } catch (RuntimeException e) {
                // A browser that closed its tab mid-write: drop it, the others still get the event.
                LOG.debug("dropping SSE client after failed write", e);
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    private void submit(Runnable task) {
        try {
            sender.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("SSE send failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("SSE hub closed; event dropped");
        }
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

    @Override
    public void close() {
        sender.shutdownNow();
        clients.forEach(SseHub::closeQuietly);
        clients.clear();
    }
}
