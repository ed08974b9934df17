package org.moodbox.web.shared;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, declared where the route is registered. The server checks it once, before the handler
 * runs: an {@link #OWNER} route answers 401 unless the owner is signed in ({@link OwnerSignIn}). Routes without
 * a role are the kiosk's and anyone's.
 */
public enum Access implements RouteRole {
    /** The signed-in owner only: every {@code /admin/api} route but the sign-in's own. */
    OWNER
}
