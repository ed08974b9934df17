package org.moodbox.web.shared;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Consumer;

/**
 * Routes a room adds to the web server (Spotify's link and notice, later YouTube's). Admin routes go under
 * {@code /admin/api/}, where the admin guard already checks CSRF and origin on every change; handlers call
 * {@code requireAdmin} first, which answers 401 unless the owner is signed in.
 */
public interface WebExtension {
    void register(RoutesConfig routes, Consumer<Context> requireAdmin);
}
