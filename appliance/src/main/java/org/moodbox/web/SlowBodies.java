package org.moodbox.web;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ConditionalHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps request bodies that trickle in from holding the server's threads. Javalin reads a body with a blocking
 * read, so a client that declares 100 bytes and sends one parks a thread; 300 of them took every thread, and
 * the kiosk's state and the watchdog's health probe stopped answering. Two Jetty handlers in front of Javalin:
 * <ul>
 *   <li>Jetty's {@link QoSHandler} lets only {@value #MAX_BODY_READERS} requests with a body run at once; the
 *   rest wait without a thread (suspended) and get 503 after {@link #MAX_WAIT}. Requests without a body (the
 *   kiosk's state, the pages, the health probe) never wait behind them.</li>
 *   <li>A body deadline: a body not complete within the deadline closes the connection, so a trickling client
 *   frees its slot after seconds, whatever its rate.</li>
 * </ul>
 * Bodies on this box are small JSON documents sent at once; a phone on Wi-Fi sends them in milliseconds.
 */
final class SlowBodies {
    private static final Logger LOG = LoggerFactory.getLogger(SlowBodies.class);
    static final int MAX_BODY_READERS = 16;
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private SlowBodies() {
    }

    static void install(JavalinConfig config, Duration bodyDeadline) {
        config.jetty.modifyServer(server -> {
            QoSHandler readers = new QoSHandler(new BodyDeadline(server.getHandler(), bodyDeadline));
            readers.include(SlowBodies::hasBody);
            readers.setMaxRequestCount(MAX_BODY_READERS);
            readers.setMaxSuspend(MAX_WAIT);
            readers.setRejectStatusCode(503);
            server.setHandler(readers);
        });
    }

    static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Closes the connection when a request's body has not fully arrived within the deadline. */
    private static final class BodyDeadline extends ConditionalHandler.ElseNext {
        private final Duration deadline;

        BodyDeadline(Handler next, Duration deadline) {
            super(next);
            this.deadline = deadline;
            include(SlowBodies::hasBody);
        }

        @Override
        protected boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
            WatchedBody body = new WatchedBody(request);
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            Scheduler.Task timer = request.getComponents().getScheduler().schedule(() -> {
                if (!body.complete) {
                    LOG.warn("request body from {} not received within {} s; connection closed",
                            Request.getRemoteAddr(request), deadline.toSeconds());
                    endPoint.close(new TimeoutException("request body not received within " + deadline.toSeconds()
                            + " s"));
                }
            }, deadline.toMillis(), TimeUnit.MILLISECONDS);
            return nextHandler(body, response, Callback.from(timer::cancel, callback));
        }
    }

    /** Notes when the last piece of the body has been read. */
    private static final class WatchedBody extends Request.Wrapper {
        private volatile boolean complete;

        WatchedBody(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && (chunk.isLast() || Content.Chunk.isFailure(chunk))) {
                complete = true;
            }
            return chunk;
        }
    }
}
