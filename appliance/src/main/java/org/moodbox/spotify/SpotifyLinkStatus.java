package org.moodbox.spotify;

/**
 * What the admin page says about the Spotify link.
 *
 * @param userName   who is linked (display name, else user id), for LINKED and REVOKED
 * @param product    "premium", "free" or null: playback control needs Premium
 * @param appOrigin  where the client id came from, null when there is none
 * @param message    one sentence for the owner
 */
public record SpotifyLinkStatus(State state, String userName, String product, String clientId, String appOrigin,
                                boolean linkPending, String message) {
    public enum State { NOT_CONFIGURED, NOT_LINKED, LINKED, REVOKED }
}
