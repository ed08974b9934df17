package org.moodbox.web.admin;

import io.javalin.http.Context;

/** Lets a request through only for the signed-in owner (401 otherwise); CSRF is checked before, for non-GETs. */
@FunctionalInterface
public interface OwnerGate {
    void check(Context ctx);
}
