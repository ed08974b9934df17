package org.moodbox.spotify;

import java.time.Instant;

/** What the accounts service handed out. The refresh token outlives the hour-long access token. */
public record SpotifyTokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {
    @Override
    public String toString() {
        return "SpotifyTokens[expiresAt=" + expiresAt + ", scope=" + scope + "]"; // never print a token
    }
}
