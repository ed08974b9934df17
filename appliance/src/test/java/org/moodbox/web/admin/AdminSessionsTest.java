package org.moodbox.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moodbox.testing.MutableClock;

/**
 * The real session store behind real HTTP (cookies as a browser keeps them), on a clock the test moves: the
 * 30-minute idle expiry and the eviction at {@link AdminSessions#MAX_ANONYMOUS}, without waiting half an hour.
 */
class AdminSessionsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T20:00:00Z"));
    private final AdminSessions sessions = new AdminSessions(clock);
    private Javalin app;

    @BeforeEach
    void serve() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/admin/start", ctx -> ctx.result(sessions.findOrStart(ctx).csrfToken()));
            config.routes.get("/admin/signin", ctx -> ctx.result(sessions.renew(ctx, true).csrfToken()));
            config.routes.get("/admin/mine", ctx -> ctx.result(
                    sessions.find(ctx).map(AdminSession::csrfToken).orElse("none")));
        }).start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aSessionLivesThirtyIdleMinutesEachVisitRestartingThem() throws Exception {
        Browser phone = new Browser();
        String session = phone.get("/admin/start");

        clock.advance(AdminSessions.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(phone.get("/admin/mine")).as("29 idle minutes").isEqualTo(session);
        clock.advance(AdminSessions.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(phone.get("/admin/mine")).as("the visit before restarted the idle time").isEqualTo(session);

        clock.advance(AdminSessions.IDLE_TIMEOUT);
        assertThat(phone.get("/admin/mine")).as("30 idle minutes: signed out").isEqualTo("none");
        assertThat(phone.get("/admin/start")).as("a new session, never the old one back").isNotEqualTo(session);
    }

    @Test
    void atTheLimitTheSessionIdleLongestMakesRoomForANewOne() throws Exception {
        List<Browser> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < AdminSessions.MAX_ANONYMOUS; i++) {
            Browser b = new Browser();
            tokens.add(b.get("/admin/start"));
            browsers.add(b);
            clock.advance(Duration.ofSeconds(1));
        }
        Browser owner = browsers.get(0);
        assertThat(owner.get("/admin/mine")).as("the oldest, visited again: now the most recent").isEqualTo(tokens.get(0));

        Browser newcomer = new Browser();
        newcomer.get("/admin/start");
        assertThat(browsers.get(1).get("/admin/mine")).as("idle longest: evicted").isEqualTo("none");
        assertThat(browsers.get(2).get("/admin/mine")).isEqualTo(tokens.get(2));
        assertThat(owner.get("/admin/mine")).isEqualTo(tokens.get(0));
        assertThat(newcomer.get("/admin/mine")).isNotEqualTo("none");
    }

    @Test
    void aFloodOfSignedOutSessionsNeverEvictsTheOwnersSignedInOne() throws Exception {
        Browser owner = new Browser();
        owner.get("/admin/start");
        String signedIn = owner.get("/admin/signin");
        for (int i = 0; i < AdminSessions.MAX_ANONYMOUS + 50; i++) {
            new Browser().get("/admin/start");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(owner.get("/admin/mine")).isEqualTo(signedIn);
    }

    /** One browser: its own cookie jar. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }
    }
}
