package org.moodbox.spotify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.moodbox.catalog.Artwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads album covers once, when a track first enters the catalog, so the kiosk shows them from the catalog
 * like local covers (the kiosk page itself never talks to Spotify). A cover that fails is simply absent: the
 * kiosk draws its placeholder.
 */
final class ArtworkFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ArtworkFetcher.class);
    /** Covers are about 300x300 JPEGs of 20-40 KB; anything far larger is not a cover. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Artwork> sweepCache = new HashMap<>();

    ArtworkFetcher(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Albums share covers: each URL is fetched once per sweep. */
    Artwork fetch(String url) {
        if (url == null) {
            return null;
        }
        if (sweepCache.containsKey(url)) {
            return sweepCache.get(url);
        }
        Artwork art = null;
        try {
            URI uri = URI.create(url);
            if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String type = r.headers().firstValue("Content-Type").orElse("image/jpeg");
                if (r.statusCode() == 200 && type.startsWith("image/") && r.body().length > 0
                        && r.body().length <= MAX_BYTES) {
                    art = new Artwork(r.body(), type.split(";")[0].trim());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("cover {} not fetched: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sweepCache.put(url, art);
        return art;
    }

    void endSweep() {
        sweepCache.clear();
    }
}
