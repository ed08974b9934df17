package org.moodbox.youtube;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A local stand-in for the YouTube Data API v3 (an external service, the one thing tests may fake), on
 * 127.0.0.1 and an ephemeral port. It answers {@code GET /youtube/v3/search} with the documented
 * {@code youtube#searchListResponse} shape, checks the API key, and can be told to answer as Google does when
 * things go wrong: 403 {@code quotaExceeded} and 400 {@code keyInvalid} with the documented error body, 500,
 * or no answer until released. Thumbnails are served from {@code /vi/{id}/mqdefault.jpg} as real JPEGs.
 */
public final class FakeYoutubeApi implements AutoCloseable {
    public static final String KEY = "AIzaSyFAKE-fake_fake-fake-fake-fake1234";

    public enum Mode { OK, QUOTA_EXCEEDED, SERVER_ERROR, HOLD, NOT_JSON }

    private final Javalin app;
    private final List<Map<String, List<String>>> searches = new CopyOnWriteArrayList<>();
    private final List<String> thumbnailsServed = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.OK;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private volatile CountDownLatch holding = new CountDownLatch(1);
    /** The videos of the next answers; each search answers with these, ids made unique per query. */
    private volatile List<String[]> catalog = List.of(
            new String[] {"Beyonc\u00e9 - Halo (Official Video)", "Beyonc\u00e9VEVO"},
            new String[] {"Guns N&#39; Roses - Sweet Child O&#39; Mine", "GunsNRosesVEVO"},
            new String[] {"\u6771\u4eac\u4e8b\u5909 - \u7fa4\u9752\u65e5\u548c", "\u6771\u4eac\u4e8b\u5909 - Topic"});

    public FakeYoutubeApi() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/youtube/v3/search", this::search);
            config.routes.get("/vi/{id}/mqdefault.jpg", this::thumbnail);
        });
        app.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + app.port() + "/youtube/v3/");
    }

    public void mode(Mode next) {
        if (next == Mode.HOLD) {
            release = new CountDownLatch(1);
            holding = new CountDownLatch(1);
        }
        mode = next;
    }

    /** Lets held requests answer (200). */
    public void release() {
        release.countDown();
    }

    /** Waits until a request is being held. */
    public boolean awaitHeld() throws InterruptedException {
        return holding.await(10, TimeUnit.SECONDS);
    }

    public void videos(List<String[]> titleAndChannel) {
        catalog = List.copyOf(titleAndChannel);
    }

    /** The query parameters of every search received, in order. */
    public List<Map<String, List<String>>> searches() {
        return searches;
    }

    public List<String> thumbnailsServed() {
        return thumbnailsServed;
    }

    private void search(Context ctx) throws InterruptedException {
        searches.add(ctx.queryParamMap());
        if (!KEY.equals(ctx.queryParam("key"))) {
            error(ctx, 400, "badRequest", "global", "API key not valid. Please pass a valid API key.");
            return;
        }
        switch (mode) {
            case QUOTA_EXCEEDED -> error(ctx, 403, "quotaExceeded", "youtube.quota",
                    "The request cannot be completed because you have exceeded your "
                            + "<a href=\"/youtube/v3/getting-started#quota\">quota</a>.");
            case SERVER_ERROR -> error(ctx, 500, "backendError", "global", "Backend Error");
            case NOT_JSON -> ctx.status(200).contentType("text/html").result("<html>captive portal</html>");
            case HOLD -> {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
                ok(ctx);
            }
            case OK -> ok(ctx);
        }
    }

    /** The documented search.list answer: kind, etag, pageInfo and items with id.videoId and snippet. */
    private void ok(Context ctx) {
        // relevanceLanguage changes what YouTube finds: the same words in another language, other videos.
        String q = ctx.queryParam("q") + "|" + ctx.queryParam("relevanceLanguage");
        StringBuilder items = new StringBuilder();
        int n = 0;
        for (String[] video : catalog) {
            String id = videoId(q, n++);
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("""
                    {"kind": "youtube#searchResult", "etag": "e%d",
                     "id": {"kind": "youtube#video", "videoId": "%s"},
                     "snippet": {"publishedAt": "2009-10-03T04:46:13Z", "channelId": "UCchannel%d",
                       "title": %s, "description": "",
                       "thumbnails": {
                         "default": {"url": "%s", "width": 120, "height": 90},
                         "medium": {"url": "%s", "width": 320, "height": 180},
                         "high": {"url": "%s", "width": 480, "height": 360}},
                       "channelTitle": %s, "liveBroadcastContent": "none",
                       "publishTime": "2009-10-03T04:46:13Z"}}""".formatted(n, id, n, quote(video[0]),
                    thumb(id, "default"), thumb(id, "mqdefault"), thumb(id, "hqdefault"), quote(video[1])));
        }
        // A live stream and a channel: neither is a song to hand to a phone; the client must skip both.
        items.append("""
                ,{"kind": "youtube#searchResult", "etag": "live",
                  "id": {"kind": "youtube#video", "videoId": "LiveLiveLiv"},
                  "snippet": {"title": "24/7 lofi radio", "channelTitle": "Radio", "liveBroadcastContent": "live",
                    "thumbnails": {}}},
                 {"kind": "youtube#searchResult", "etag": "chan",
                  "id": {"kind": "youtube#channel", "channelId": "UCxyz"},
                  "snippet": {"title": "A channel", "channelTitle": "A channel", "liveBroadcastContent": "none",
                    "thumbnails": {}}}""");
        ctx.contentType("application/json; charset=UTF-8").result("""
                {"kind": "youtube#searchListResponse", "etag": "page", "nextPageToken": "CBkQAA",
                 "regionCode": "US", "pageInfo": {"totalResults": 1000000, "resultsPerPage": 25},
                 "items": [%s]}""".formatted(items));
    }

    /** The documented error body: error.code, error.message, error.errors[] with domain and reason. */
    private static void error(Context ctx, int status, String reason, String domain, String message) {
        String m = quote(message);
        ctx.status(status).contentType("application/json; charset=UTF-8").result("""
                {"error": {"code": %d, "message": %s,
                  "errors": [{"message": %s, "domain": "%s", "reason": "%s"}]}}""".formatted(status, m, m, domain,
                reason));
    }

    private void thumbnail(Context ctx) {
        thumbnailsServed.add(ctx.pathParam("id"));
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC0392B));
        g.fillRect(0, 0, 320, 180);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("image/jpeg").result(jpeg.toByteArray());
    }

    private String thumb(String id, String name) {
        return "http://127.0.0.1:" + app.port() + "/vi/" + id + "/" + name + ".jpg";
    }

    /** 11 URL-safe characters, stable per query and position, so a repeated search finds the same videos. */
    static String videoId(String query, int n) {
        String hash = Integer.toHexString((query + "#" + n).hashCode() & 0x7fffffff);
        return ("v" + n + "x" + hash + "AAAAAAAAAAA").substring(0, 11);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        release.countDown();
        app.stop();
    }
}
