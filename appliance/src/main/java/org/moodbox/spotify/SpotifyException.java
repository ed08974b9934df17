package org.moodbox.spotify;

import java.time.Instant;

/**
 * Why a Spotify call did not give an answer, in the terms the rest of the box acts on.
 *
 * @param retryAt for {@link Kind#RATE_LIMITED}: when Spotify said to come back; else null
 */
public final class SpotifyException extends RuntimeException {
    public enum Kind {
        /** No account linked, or no client id: nothing to ask. */
        NOT_LINKED,
        /** The token was refused even after a refresh, or the refresh token was revoked: link again. */
        RELINK,
        /** 429: Spotify asked us to wait longer than a background job should sleep. */
        RATE_LIMITED,
        /** 5xx, timeouts, no network: use the local library for now. */
        UNAVAILABLE,
        /** Spotify understood and said no (403 Premium required, user not on the app's allowlist, 404). */
        REFUSED
    }

    private final Kind kind;
    private final Instant retryAt;

    public SpotifyException(Kind kind, String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    public SpotifyException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
