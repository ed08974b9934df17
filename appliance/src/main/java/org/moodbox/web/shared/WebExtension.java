package org.moodbox.web.shared;

import io.javalin.config.RoutesConfig;

/**
 * Routes a server adds to the kiosk's: each owner's section (status, camera, library, choices, artists'
 * languages, Spotify, YouTube), the queue and the hand-over to phones. All arrive this one way.
 *
 * <p>Owner routes go under {@code /admin/api/} and are registered with {@link Access#OWNER}: the server checks
 * the sign-in once before the handler runs, and the sign-in's guard checks CSRF and origin on every change
 * there. A handler never checks the owner itself.
 */
public interface WebExtension {
    void register(RoutesConfig routes, WebRoom room);
}
