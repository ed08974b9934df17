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
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, "the appliance hit an internal error; details are in its log");
        });
    }

    static void write(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "request failed (" + status + ")" : message));
    }
}
