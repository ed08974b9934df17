package org.moodbox.web.admin;

import java.time.Instant;

/**
 * One browser's session on the admin page. Every visitor gets one, signed in or not, because the
 * sign-in and first-run forms need a CSRF token too (a forged sign-in could otherwise log the owner's phone
 * into an attacker's session). Signing in replaces the session with a new one: new cookie, new CSRF token.
 *
 * @param csrfToken the synchronizer token admin.js sends in the {@value AdminSessions#CSRF_HEADER} header
 */
record AdminSession(String csrfToken, boolean signedIn, Instant expiresAt) {
    AdminSession extendedTo(Instant newExpiry) {
        return new AdminSession(csrfToken, signedIn, newExpiry);
    }

    @Override
    public String toString() {
        return "AdminSession[signedIn=" + signedIn + "]"; // never print a token
    }
}
