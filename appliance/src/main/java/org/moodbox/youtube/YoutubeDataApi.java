package org.moodbox.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.commons.text.StringEscapeUtils;
import org.moodbox.youtube.YoutubeApiException.Kind;

/**
 * The one Data API v3 call the box makes: {@code search.list} for music videos. A plain {@link HttpClient}
 * and Jackson rather than Google's generated client: an API key is all this call needs, and the generated
 * client brings google-http-client, google-api-client and the OAuth/auth libraries with it for nothing.
 *
 * <p>Every call has a connect and a request timeout, so a dead network costs seconds, and it runs on the
 * caller's thread: callers keep it off request threads ({@link YoutubeCandidates}).
 */
public final class YoutubeDataApi {
    /** Google's endpoint; tests point the client at a local fake instead. */
    public static final URI GOOGLE = URI.create("https://www.googleapis.com/youtube/v3/");
    /** What one search.list costs, whatever it returns (Google charges failed calls too). */
    public static final int SEARCH_COST = 100;
    /** Results per search: the same 100 units buy up to 50; 25 keep the answer small and mostly on topic. */
    static final int MAX_RESULTS = 25;
    /** The Data API's category id for Music. */
    static final String MUSIC_CATEGORY = "10";

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base           the API root ending in {@code /youtube/v3/}: {@link #GOOGLE}, or a test's fake
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for the whole answer
     */
    public YoutubeDataApi(URI base, Duration connectTimeout, Duration requestTimeout) {
        String root = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(root.endsWith("/") ? root : root + "/");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    /** Searches music videos for {@code query}; blocks for at most the timeouts. */
    public List<Video> search(SearchQuery query, String apiKey) throws YoutubeApiException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("part", "snippet");
        params.put("type", "video");
        params.put("videoCategoryId", MUSIC_CATEGORY);
        params.put("maxResults", Integer.toString(MAX_RESULTS));
        params.put("q", query.text());
        if (query.language() != null) {
            params.put("relevanceLanguage", query.language());
        }
        params.put("key", apiKey);
        URI uri = base.resolve("search?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new YoutubeApiException(Kind.UNAVAILABLE, 0, "YouTube did not answer within "
                    + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new YoutubeApiException(Kind.UNAVAILABLE, 0, "cannot reach YouTube (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YoutubeApiException(Kind.UNAVAILABLE, 0, "interrupted while asking YouTube");
        }
        if (response.statusCode() == 200) {
            return videos(response.body());
        }
        throw failure(response.statusCode(), response.body());
    }

    private List<Video> videos(byte[] body) throws YoutubeApiException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new YoutubeApiException(Kind.UNAVAILABLE, 200, "YouTube's answer is not JSON");
        }
        JsonNode items = root == null ? null : root.get("items");
        if (items == null || !items.isArray()) {
            throw new YoutubeApiException(Kind.UNAVAILABLE, 200, "YouTube's answer has no list of items");
        }
        List<Video> videos = new ArrayList<>();
        for (JsonNode item : items) {
            String id = item.path("id").path("videoId").asText("");
            JsonNode snippet = item.path("snippet");
            String title = snippet.path("title").asText("");
            // Live streams and premieres are not songs one can open later; channels and playlists have no videoId.
            String live = snippet.path("liveBroadcastContent").asText("none");
            if (!VideoIds.valid(id) || title.isBlank() || !"none".equals(live)) {
                continue;
            }
            JsonNode thumbs = snippet.path("thumbnails");
            String thumb = thumbs.path("medium").path("url").asText(thumbs.path("default").path("url").asText(null));
            // The Data API returns snippet text HTML-escaped ("Guns N&#39; Roses"), a long-standing quirk.
            videos.add(new Video(id, StringEscapeUtils.unescapeHtml4(title).strip(),
                    StringEscapeUtils.unescapeHtml4(snippet.path("channelTitle").asText("")).strip(), thumb));
        }
        return videos;
    }

    /** Sorts an error answer by the documented {@code error.errors[].reason}. */
    private YoutubeApiException failure(int status, byte[] body) {
        JsonNode error;
        try {
            JsonNode root = json.readTree(body);
            error = root == null ? null : root.get("error");
        } catch (IOException e) {
            error = null;
        }
        String reason = error == null ? "" : error.path("errors").path(0).path("reason").asText("");
        String message = error == null ? "" : plain(error.path("message").asText(""));
        String said = message.isEmpty() ? "HTTP " + status : message + " (HTTP " + status
                + (reason.isEmpty() ? "" : ", " + reason) + ")";
        if (status == 403 && ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason))) {
            return new YoutubeApiException(Kind.QUOTA_EXCEEDED, status, said);
        }
        if (status >= 500 || status == 429 || "rateLimitExceeded".equals(reason)
                || "userRateLimitExceeded".equals(reason)) {
            return new YoutubeApiException(Kind.UNAVAILABLE, status, "YouTube is having trouble: " + said);
        }
        if (status >= 400) {
            return new YoutubeApiException(Kind.REFUSED, status, "YouTube refused the search: " + said);
        }
        return new YoutubeApiException(Kind.UNAVAILABLE, status, "unexpected answer from YouTube: " + said);
    }

    /** Google's messages carry HTML links ("exceeded your <a href=...>quota</a>"); the pages show plain text. */
    static String plain(String html) {
        return StringEscapeUtils.unescapeHtml4(html.replaceAll("<[^>]*>", "")).strip();
    }
}
