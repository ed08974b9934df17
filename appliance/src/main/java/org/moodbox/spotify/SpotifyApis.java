package org.moodbox.spotify;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.SpotifyHttpManager;

/**
 * spotify-web-api-java clients for one access token each, all sharing one HTTP manager whose connect and read
 * timeouts are short: a Spotify that hangs must cost seconds, not the HTTP client's default minutes.
 *
 * <p>The library sends every GET through an HTTP response cache (httpclient5-cache). It is switched off: when a
 * cached answer has to be revalidated and Spotify does not answer in time, the cache hides the timeout behind a
 * made-up "504 Gateway Timeout" answer, which the library reports as a server error, so a slow Spotify looked
 * like a broken one. Moodbox keeps what it needs from Spotify in its own SQLite cache anyway.
 */
final class SpotifyApis {
    private final SpotifyEndpoints endpoints;
    private final SpotifyHttpManager http;
    private final Duration timeout;

    SpotifyApis(SpotifyEndpoints endpoints, Duration timeout) {
        this.endpoints = endpoints;
        this.timeout = timeout;
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        this.http = new SpotifyHttpManager.Builder()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .build())
                .setCacheMaxEntries(0)
                .setCacheMaxObjectSize(0)
                .setConnectionRequestTimeout((int) timeout.toMillis())
                .setSocketTimeout((int) timeout.toMillis())
                .build();
    }

    Duration timeout() {
        return timeout;
    }

    SpotifyApi withToken(String accessToken) {
        return SpotifyApi.builder()
                .setHttpManager(http)
                .setScheme(endpoints.api().getScheme())
                .setHost(endpoints.api().getHost())
                .setPort(endpoints.apiPort())
                .setAccessToken(accessToken)
                .build();
    }
}
