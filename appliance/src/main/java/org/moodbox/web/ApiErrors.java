package org.moodbox.web;

import org.moodbox.web.shared.ApiException;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error": "..."}} with a fitting status. Unexpected exceptions are
 * logged here with their stack trace and reach the client only as a generic sentence.
 *
 * <p>A request whose body broke on the way in (a malformed chunked body, a client that hung up or was cut off
 * mid-body) is the client's fault, not the box's: 400 and one log line without a stack trace. These used to be
 * 500s with 66 lines each, and 200 of them buried every real entry in the owner's list of problems.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.getMessage()));
        // Javalin's own refusals (unknown endpoint, 405) keep their status and message, in the same shape.
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (org.moodbox.device.StorageFull.noticeIf(e)) {
                LOG.warn("{} {} failed: storage full ({})", ctx.method(), ctx.path(), e.getMessage());
                write(ctx, 507, org.moodbox.device.StorageFull.MESSAGE + "; nothing was changed");
                return;
            }
            Throwable broken = brokenRequest(e);
            if (broken != null) {
                LOG.warn("{} {} from {}: the request body broke off or is malformed ({})", ctx.method(), ctx.path(),
                        ctx.req().getRemoteAddr(), broken.getClass().getSimpleName());
                write(ctx, 400, "the request body was incomplete or malformed; send it again");
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, "the appliance hit an internal error; details are in its log");
        });
    }

    /**
     * The cause that says the request itself broke while it was read (Jetty's early EOF or bad message, a read
     * timeout), or null for a real failure of ours.
     */
    static Throwable brokenRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.io.EofException
                    || cause instanceof org.eclipse.jetty.http.HttpException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return cause;
            }
        }
        return null;
    }

    static void write(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "request failed (" + status + ")"
                : ApiException.shortened(message)));
    }

}
