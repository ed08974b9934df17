package org.moodbox.web;

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
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, "the appliance hit an internal error; details are in its log");
        });
        // Unknown /api paths answer in JSON too; pages keep Javalin's plain 404.
        config.routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && isBlank(ctx.result())) {
                write(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    static void write(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
