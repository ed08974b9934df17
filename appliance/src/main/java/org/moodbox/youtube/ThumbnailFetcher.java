package org.moodbox.youtube;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.moodbox.catalog.Artwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a video's thumbnail on the box's background thread, right after the search that found it, and only
 * then: the kiosk page never loads an image from the network (its content policy forbids it), so a card
 * shows the stored thumbnail, or the box's own placeholder when there is none. Any failure means "no
 * thumbnail", never an error.
 */
final class ThumbnailFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailFetcher.class);
    /** A 320x180 JPEG is 10-30 KB; anything far larger is not a thumbnail. */
    static final int MAX_BYTES = 512 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    ThumbnailFetcher(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = timeout;
    }

    Optional<Artwork> fetch(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                return Optional.empty();
            }
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String type = response.headers().firstValue("Content-Type").orElse("")
                        .toLowerCase(Locale.ROOT).split(";")[0].strip();
                if (response.statusCode() != 200 || !(type.equals("image/jpeg") || type.equals("image/png")
                        || type.equals("image/webp"))) {
                    LOG.debug("thumbnail {}: HTTP {} {}", url, response.statusCode(), type);
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length == 0 || bytes.length > MAX_BYTES) {
                    return Optional.empty();
                }
                return Optional.of(new Artwork(bytes, type));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("thumbnail {} not fetched: {}", url, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
