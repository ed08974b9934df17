package org.moodbox.web.shared;

import io.javalin.http.Context;
import org.moodbox.web.shared.ApiViews.KioskSettingsView;

/**
 * The owner's sign-in, itself an extension (its routes: session, setup, sign-in, settings, password). A
 * server has at most one; without it every {@link Access#OWNER} route answers 401 with a sentence saying so.
 * The kiosk asks it two things: whether a password is set yet, and the owner's settings the page acts on.
 */
public interface OwnerSignIn extends WebExtension {
    /** Throws a 401 {@link ApiException} unless a signed-in owner sent the request. */
    void requireSignedIn(Context ctx);

    boolean passwordSet();

    KioskSettingsView kioskSettings();
}
