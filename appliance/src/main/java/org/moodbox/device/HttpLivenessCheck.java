package org.moodbox.device;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The web server is healthy when it answers a real HTTP request on loopback in time: a Jetty whose threads
 * are all stuck still has a listening socket, so "the port is open" would not be enough.
 */
public final class HttpLivenessCheck implements HealthCheck {
    private final HttpClient client;
    private final URI uri;
    private final Duration timeout;

    public HttpLivenessCheck(URI uri, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.uri = uri;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> problem() {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500 ? Optional.empty()
                    : Optional.of("web server answers " + response.statusCode() + " on " + uri);
        } catch (IOException e) {
            return Optional.of("web server does not answer on " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + uri);
        }
    }
}
