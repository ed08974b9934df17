package org.moodbox.web;

import org.moodbox.web.shared.ApiException;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The two pages: the kiosk at {@code /} (classpath {@code /kiosk}) and the owner's admin page at
 * {@code /admin} (classpath {@code /admin-web}, shipped in the admin-web jar). Both are plain files with no
 * external fonts, scripts or CDNs: the box must work with no network, and the policy below makes the browser
 * refuse anything that is not served by the box itself.
 */
final class PageRoutes {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private PageRoutes() {
    }

    private static void serveAdminIndex(Context ctx, Map<String, String> headers) throws IOException {
        try (InputStream page = PageRoutes.class.getResourceAsStream("/admin-web/index.html")) {
            if (page == null) {
                throw new ApiException(404, "the admin page is not installed (admin-web jar missing)");
            }
            headers.forEach(ctx::header);
            ctx.contentType("text/html; charset=utf-8").result(page.readAllBytes());
        }
    }

    static void install(JavalinConfig config) {
        Map<String, String> headers = Map.of(
                "Cache-Control", "no-cache",
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer");
        config.staticFiles.add(files -> {
            files.hostedPath = "/admin";
            files.directory = "/admin-web";
            files.location = Location.CLASSPATH;
            files.headers = headers;
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/kiosk";
            files.location = Location.CLASSPATH;
            files.headers = headers;
        });
        // "/admin" itself is a directory to the static handler; answer it with the page (whose links are
        // absolute, so they work with or without the trailing slash).
        config.routes.get("/admin", ctx -> serveAdminIndex(ctx, headers));
    }
}
