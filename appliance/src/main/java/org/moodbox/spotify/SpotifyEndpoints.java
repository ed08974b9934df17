package org.moodbox.spotify;

import java.net.URI;
import java.util.Objects;

/**
 * Where the accounts service and the Web API answer. Production uses Spotify's hosts; tests point both at a
 * local fake on a loopback port (spotify-web-api-java takes scheme, host and port for the Web API; the
 * accounts calls are ours, see {@link AccountsClient}).
 */
public record SpotifyEndpoints(URI accounts, URI api) {
    public SpotifyEndpoints {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(api, "api");
    }

    public static SpotifyEndpoints production() {
        return new SpotifyEndpoints(URI.create("https://accounts.spotify.com"), URI.create("https://api.spotify.com"));
    }

    /** Both services at one base, e.g. {@code http://127.0.0.1:41234} (the test fake). */
    public static SpotifyEndpoints at(URI base) {
        return new SpotifyEndpoints(base, base);
    }

    int apiPort() {
        return api.getPort() > 0 ? api.getPort() : ("https".equals(api.getScheme()) ? 443 : 80);
    }
}
