package org.moodbox.web;

import org.moodbox.web.admin.AdminSessions;
import org.moodbox.web.admin.SignInLimiter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;

/**
 * The owner's admin API over real HTTP, with a cookie jar like a phone's browser ({@link AdminClient}), on the
 * real web server with its real rooms and a real settings store and secrets file in a temporary data folder.
 */
class AdminApiTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String GOOD_SETTINGS = """
            {"languages": ["en", "de"], "favouriteArtists": ["Maxstack", "Wesnoth Team"],
             "excludedArtists": ["Noise Co"], "volumeCap": 0.55,
             "screenSchedule": {"nightDimStart": "23:00", "nightDimEnd": "06:45"}}""";
    @TempDir
    Path folder;
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private WebServer server;
    private SettingsStore settings;
    private Path data;

    @BeforeEach
    void start() throws Exception {
        rooms = rig.rooms();
        data = rig.data();
        settings = rig.settings();
        server = rig.server();
    }

    @Test
    void firstRunSetsThePasswordOnceThenSignsIn() throws Exception {
        AdminClient phone = new AdminClient(server.port());
        JsonNode session = phone.openSession();
        assertThat(session.path("passwordSet").asBoolean()).isFalse();
        assertThat(session.path("signedIn").asBoolean()).isFalse();
        HttpCookie cookie = phone.sessionCookie().orElseThrow();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/admin");
        assertThat(new AdminClient(server.port()).get("/admin/api/session").response().headers()
                .firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("SameSite=Strict",
                "HttpOnly", "Path=/admin"));

        String setupBody = "{\"password\":\"" + PASSWORD + "\",\"confirm\":\"" + PASSWORD + "\"}";
        AdminClient.Reply forged = phone.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/admin/api/setup"))
                .POST(HttpRequest.BodyPublishers.ofString(setupBody)));
        assertThat(forged.status()).isEqualTo(403); // even first run needs the page's token
        assertThat(data.resolve(AdminSecrets.FILE_NAME)).doesNotExist();

        AdminClient.Reply tooShort = phone.post("/admin/api/setup", "{\"password\":\"1234\",\"confirm\":\"1234\"}");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().at("/fields/password").asText()).contains("at least 8");
        AdminClient.Reply mismatch = phone.post("/admin/api/setup",
                "{\"password\":\"" + PASSWORD + "\",\"confirm\":\"something else\"}");
        assertThat(mismatch.json().at("/fields/confirm").asText()).contains("does not match");
        assertThat(data.resolve(AdminSecrets.FILE_NAME)).doesNotExist();

        String anonymousCsrf = phone.csrf;
        AdminClient.Reply set = phone.post("/admin/api/setup",
                "{\"password\":\"" + PASSWORD + "\",\"confirm\":\"" + PASSWORD + "\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("signedIn").asBoolean()).isTrue();
        assertThat(phone.csrf).isNotEqualTo(anonymousCsrf); // a new session on sign-in, against fixation
        assertThat(phone.get("/admin/api/settings").status()).isEqualTo(200);
        Path secrets = data.resolve(AdminSecrets.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(Files.readString(secrets)).doesNotContain(PASSWORD);

        // Nobody, signed in or not, can set it a second time this way.
        AdminClient other = new AdminClient(server.port());
        other.openSession();
        assertThat(other.post("/admin/api/setup", "{\"password\":\"takeover123\",\"confirm\":\"takeover123\"}")
                .status()).isEqualTo(409);

        phone.post("/admin/api/signout", "{}");
        phone.openSession();
        AdminClient.Reply signIn = phone.post("/admin/api/signin", "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        assertThat(signIn.json().path("signedIn").asBoolean()).isTrue();
        assertThat(phone.get("/admin/api/settings").status()).isEqualTo(200);
    }

    /** The admin routes' limit (AdminRoutes.MAX_PASSWORD_LENGTH), as the owner meets it. */
    private static final int LONGEST_PASSWORD = 200;

    /** Exactly the longest password works, for setting it and for signing in; one character more is refused. */
    @Test
    void theLongestPasswordIsAcceptedAndOneCharacterMoreIsNot() throws Exception {
        String longest = "é" + "correct horse battery staple ".repeat(10).substring(0, LONGEST_PASSWORD - 1);
        assertThat(longest).hasSize(LONGEST_PASSWORD);
        AdminClient phone = new AdminClient(server.port());
        phone.openSession();
        AdminClient.Reply tooLong = phone.post("/admin/api/setup",
                "{\"password\":\"" + longest + "x\",\"confirm\":\"" + longest + "x\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/fields/password").asText())
                .isEqualTo("must have at most " + LONGEST_PASSWORD + " characters");
        assertThat(data.resolve(AdminSecrets.FILE_NAME)).doesNotExist();

        phone.setUp(longest);
        phone.post("/admin/api/signout", "{}");
        phone.openSession();
        AdminClient.Reply signIn = phone.post("/admin/api/signin", "{\"password\":\"" + longest + "\"}");
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        assertThat(phone.get("/admin/api/settings").status()).isEqualTo(200);

        AdminClient other = new AdminClient(server.port());
        other.openSession();
        AdminClient.Reply longer = other.post("/admin/api/signin", "{\"password\":\"" + longest + "x\"}");
        assertThat(longer.status()).as("a prefix match must not sign in").isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreRefusedThenRateLimited() throws Exception {
        new AdminClient(server.port()).setUp(PASSWORD);
        AdminClient guesser = new AdminClient(server.port());
        guesser.openSession();

        for (int i = 0; i < SignInLimiter.PER_CLIENT; i++) {
            AdminClient.Reply wrong = guesser.post("/admin/api/signin", "{\"password\":\"guess number " + i + "\"}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().path("error").asText()).isEqualTo("wrong password");
        }
        assertThat(guesser.get("/admin/api/settings").status()).isEqualTo(401);

        // Blocked now, even with the right password: the limit is checked before the password.
        AdminClient.Reply blocked = guesser.post("/admin/api/signin", "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().path("error").asText()).matches("too many wrong passwords; try again in \\d+ s");
        long retryAfter = Long.parseLong(blocked.response().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, SignInLimiter.WINDOW.toSeconds());
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        AdminClient phone = new AdminClient(server.port());
        phone.setUp(PASSWORD);
        assertThat(phone.put("/admin/api/settings", "{\"volumeCap\": 0.4}").status()).isEqualTo(200);
        byte[] before = Files.readAllBytes(settings.file());

        AdminClient.Reply noToken = phone.putWithoutCsrf("/admin/api/settings", "{\"volumeCap\": 1.0}");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().path("error").asText()).contains("CSRF");
        AdminClient.Reply wrongToken = phone.send(phone.withCsrf("/admin/api/settings")
                .setHeader(AdminSessions.CSRF_HEADER, "forged").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"volumeCap\": 1.0}")));
        assertThat(wrongToken.status()).isEqualTo(403);
        AdminClient.Reply foreignPage = phone.send(phone.withCsrf("/admin/api/settings")
                .header("Origin", "http://evil.example").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"volumeCap\": 1.0}")));
        assertThat(foreignPage.status()).isEqualTo(403);
        AdminClient.Reply signOutWithoutToken = phone.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/admin/api/signout"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signOutWithoutToken.status()).isEqualTo(403);

        assertThat(Files.readAllBytes(settings.file())).isEqualTo(before);
        assertThat(settings.current().volumeCap()).isEqualTo(0.4);
        assertThat(phone.get("/admin/api/settings").status()).isEqualTo(200); // still signed in
    }

    @Test
    void settingsRoundTrip() throws Exception {
        AdminClient phone = new AdminClient(server.port());
        phone.setUp(PASSWORD);

        AdminClient.Reply saved = phone.put("/admin/api/settings", GOOD_SETTINGS);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        JsonNode read = phone.get("/admin/api/settings").json().path("settings");
        assertThat(read.path("languages")).hasSize(2);
        assertThat(read.at("/languages/1").asText()).isEqualTo("de");
        assertThat(read.at("/favouriteArtists/1").asText()).isEqualTo("Wesnoth Team");
        assertThat(read.at("/excludedArtists/0").asText()).isEqualTo("Noise Co");
        assertThat(read.path("volumeCap").asDouble()).isEqualTo(0.55);
        assertThat(read.at("/screenSchedule/nightDimStart").asText()).isEqualTo("23:00");
        assertThat(read.path("detector").asText()).isEqualTo("blazeface-full"); // untouched by the form: kept
        assertThat(SettingsStore.open(data).current()).isEqualTo(settings.current());
        assertThat(settings.current().volumeCap()).isEqualTo(0.55);
    }

    @Test
    void invalidSettingsAreRefusedFieldByFieldAndTheFileStaysAsItWas() throws Exception {
        AdminClient phone = new AdminClient(server.port());
        phone.setUp(PASSWORD);
        phone.put("/admin/api/settings", GOOD_SETTINGS);
        byte[] before = Files.readAllBytes(settings.file());

        AdminClient.Reply refused = phone.put("/admin/api/settings", """
                {"languages": ["english"], "favouriteArtists": ["Maxstack"], "excludedArtists": ["maxstack"],
                 "volumeCap": 2, "screenSchedule": {"nightDimStart": "10pm", "nightDimEnd": "06:45"}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).contains("nothing was changed");
        JsonNode fields = refused.json().path("fields");
        assertThat(fields.path("languages").asText()).contains("'english'", "ISO 639-1");
        assertThat(fields.path("excludedArtists").asText()).contains("also a favourite");
        assertThat(fields.path("volumeCap").asText()).contains("between 0 and 1");
        assertThat(fields.path("screenSchedule.nightDimStart").asText()).contains("24-hour");
        assertThat(Files.readAllBytes(settings.file())).isEqualTo(before);
        assertThat(phone.get("/admin/api/settings").json().at("/settings/volumeCap").asDouble()).isEqualTo(0.55);

        assertThat(phone.put("/admin/api/settings", "not json").status()).isEqualTo(400);
        assertThat(phone.put("/admin/api/settings", "[1]").json().path("fields").has("settings")).isTrue();
        assertThat(Files.readAllBytes(settings.file())).isEqualTo(before);
    }

    @Test
    void signOutEndsTheSessionForGood() throws Exception {
        AdminClient phone = new AdminClient(server.port());
        phone.setUp(PASSWORD);
        String oldToken = phone.sessionCookie().orElseThrow().getValue();
        String oldCsrf = phone.csrf;

        assertThat(phone.post("/admin/api/signout", "{}").status()).isEqualTo(200);

        assertThat(phone.get("/admin/api/settings").status()).isEqualTo(401);
        // Replaying the old cookie (say, copied before sign-out) gets nowhere either.
        AdminClient.Reply replay = phone.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/admin/api/settings"))
                .header("Cookie", AdminSessions.COOKIE + "=" + oldToken).header(AdminSessions.CSRF_HEADER, oldCsrf)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"volumeCap\": 0.1}")));
        assertThat(replay.status()).isEqualTo(403);
        assertThat(settings.current().volumeCap()).isEqualTo(0.8);
    }

    @Test
    void aCorruptSettingsFileIsReportedOnTheAdminPageAndKeptAside() throws Exception {
        Path other = Files.createDirectories(folder.resolve("other"));
        Files.writeString(other.resolve(SettingsStore.FILE_NAME), "{\"volumeCap\": ");
        WebServer second = rig.anotherServer(other);
        AdminClient phone = new AdminClient(second.port());
        phone.setUp(PASSWORD);
        JsonNode view = phone.get("/admin/api/settings").json();
        assertThat(view.path("problem").asText()).contains("not valid JSON", "settings.json.corrupt",
                "default settings");
        assertThat(view.at("/settings/volumeCap").asDouble()).isEqualTo(0.8);
        assertThat(other.resolve("settings.json.corrupt")).hasContent("{\"volumeCap\": ");
    }

    @Test
    void settingsNeedASignInButTheKioskApiDoesNot() throws Exception {
        AdminClient stranger = new AdminClient(server.port());
        stranger.openSession();
        assertThat(stranger.get("/admin/api/settings").status()).isEqualTo(401);
        assertThat(stranger.put("/admin/api/settings", "{\"volumeCap\": 1}").status()).isEqualTo(401);
        assertThat(stranger.post("/admin/api/signin", "{\"password\":\"whatever1\"}").status())
                .isEqualTo(409); // no password yet: set one first
        assertThat(stranger.get("/api/state").status()).isEqualTo(200);
    }
}
