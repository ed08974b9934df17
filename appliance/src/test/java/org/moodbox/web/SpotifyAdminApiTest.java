package org.moodbox.web;

import org.moodbox.model.SourceKind;
import org.moodbox.web.admin.SpotifyAdminRoutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.model.Track;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;
import org.moodbox.spotify.FakeSpotify;
import org.moodbox.spotify.Spotify;
import org.moodbox.spotify.SpotifyEndpoints;

/**
 * The owner's Spotify panel over real HTTP: the real web server with the Spotify routes, the real Spotify room
 * pointed at the fake accounts service and Web API, a phone-like client with a cookie jar. Every way a link can
 * go wrong leaves nothing stored and says why.
 */
class SpotifyAdminApiTest {
    static final String CLIENT_ID = "0123456789abcdef0123456789abcdef";
    private static final String PASSWORD = "correct horse battery";
    @TempDir
    Path folder;
    private RealRooms rooms;
    private FakeSpotify fake;
    private Spotify spotify;
    private WebServer server;
    private Path data;
    private Path accountFile;

    @BeforeEach
    void start() throws Exception {
        rooms = RealRooms.in(folder);
        data = Files.createDirectories(folder.resolve("data"));
        accountFile = data.resolve("spotify-account.json");
        fake = new FakeSpotify();
        SettingsStore settings = SettingsStore.open(data);
        spotify = Spotify.open(data, rooms.catalog, settings::current, SpotifyEndpoints.at(fake.base()), Map.of(),
                Clock.systemUTC(), Duration.ofSeconds(2), Duration.ZERO, 0.8, 0.8, null);
        server = rooms.startServer(settings, AdminSecrets.open(data), List.of(new SpotifyAdminRoutes(spotify)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (spotify != null) {
            spotify.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (rooms != null) {
            rooms.close();
        }
    }

    private AdminClient signedIn() throws Exception {
        AdminClient phone = new AdminClient(server.port());
        phone.setUp(PASSWORD);
        return phone;
    }

    /** What the owner's browser does with the consent address: Spotify approves and redirects to 127.0.0.1. */
    private String approve(String authorizeUrl) throws Exception {
        HttpResponse<String> consent = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(authorizeUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        return consent.headers().firstValue("Location").orElseThrow();
    }

    private String startLink(AdminClient phone) throws Exception {
        AdminClient.Reply link = phone.post("/admin/api/spotify/link", "{}");
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        return link.json().path("authorizeUrl").asText();
    }

    private AdminClient.Reply finish(AdminClient phone, String pasted) throws Exception {
        return phone.post("/admin/api/spotify/finish", JsonBodyOf.field("redirectedTo", pasted));
    }

    /** The box comes up with a torn account file, and the owner's Spotify panel says what happened to the link. */
    @Test
    void aCorruptAccountFileLeavesSpotifyUnlinkedAndThePanelSaysWhy() throws Exception {
        stop();
        Files.writeString(accountFile, "{\"tokens\": [");
        start();
        JsonNode view = signedIn().get("/admin/api/spotify").json();
        assertThat(view.at("/link/state").asText()).isEqualTo("NOT_CONFIGURED");
        assertThat(view.at("/link/message").asText()).contains("could not be read because it is not valid JSON")
                .contains("spotify-account.json.corrupt").contains("Link Spotify again");
    }

    @Test
    void everyRouteNeedsTheOwnerSignedInAndChangesNeedTheToken() throws Exception {
        AdminClient stranger = new AdminClient(server.port());
        stranger.openSession();
        assertThat(stranger.get("/admin/api/spotify").status()).isEqualTo(401);
        AdminClient.Reply put = stranger.put("/admin/api/spotify/app", "{\"clientId\":\"" + CLIENT_ID + "\"}");
        assertThat(put.status()).isEqualTo(401);
        assertThat(stranger.post("/admin/api/spotify/link", "{}").status()).isEqualTo(401);
        assertThat(accountFile).doesNotExist();

        AdminClient owner = signedIn();
        AdminClient.Reply forged = owner.putWithoutCsrf("/admin/api/spotify/app", "{\"clientId\":\"" + CLIENT_ID + "\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("error").asText()).contains("CSRF");
        assertThat(accountFile).doesNotExist();
        AdminClient.Reply crossSite = owner.send(owner.withCsrf("/admin/api/spotify/unlink")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(crossSite.status()).isEqualTo(403);

        JsonNode view = owner.get("/admin/api/spotify").json();
        assertThat(view.at("/link/state").asText()).isEqualTo("NOT_CONFIGURED");
        assertThat(view.path("redirectUri").asText())
                .isEqualTo("http://127.0.0.1:" + server.port() + "/admin/spotify/callback");
        assertThat(view.path("notice").isNull()).isTrue();
    }

    @Test
    void aClientIdOfTheWrongShapeIsRefusedNextToItsFieldAndNothingIsStored() throws Exception {
        AdminClient owner = signedIn();
        for (String bad : List.of("", "   ", "not-an-id!", "0123456789abcdef0123456789abcdef/extra", "abc")) {
            AdminClient.Reply reply = owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", bad));
            assertThat(reply.status()).as(bad + ": " + reply).isEqualTo(400);
            assertThat(reply.json().path("error").asText()).as(bad).isNotBlank();
        }
        AdminClient.Reply shape = owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", "not-an-id!"));
        assertThat(shape.json().at("/fields/clientId").asText()).contains("32 letters and digits");
        AdminClient.Reply badSecret = owner.put("/admin/api/spotify/app",
                "{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"pa ss\"}");
        assertThat(badSecret.status()).isEqualTo(400);
        assertThat(badSecret.json().at("/fields/clientSecret").asText()).contains("client secret");
        assertThat(badSecret.json().at("/fields/clientId").isMissingNode()).isTrue();
        assertThat(owner.put("/admin/api/spotify/app", "not json").status()).isEqualTo(400);
        assertThat(accountFile).doesNotExist();
        assertThat(owner.get("/admin/api/spotify").json().at("/link/state").asText()).isEqualTo("NOT_CONFIGURED");

        AdminClient.Reply good = owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", " " + CLIENT_ID + " "));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().at("/link/state").asText()).isEqualTo("NOT_LINKED");
        assertThat(good.json().at("/link/clientId").asText()).isEqualTo(CLIENT_ID);
        assertThat(good.json().at("/link/appOrigin").asText()).isEqualTo("admin page");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(accountFile))).isEqualTo("rw-------");
    }

    @Test
    void linkingByPastingTheRedirectAddressBackStoresTheTokens() throws Exception {
        AdminClient owner = signedIn();
        AdminClient.Reply early = owner.post("/admin/api/spotify/link", "{}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().path("error").asText()).contains("client id first");

        owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", CLIENT_ID));
        String authorizeUrl = startLink(owner);
        URI consent = URI.create(authorizeUrl);
        assertThat(consent.getPort()).isEqualTo(fake.base().getPort());
        assertThat(consent.getQuery()).contains("code_challenge_method=S256", "client_id=" + CLIENT_ID,
                "redirect_uri=http://127.0.0.1:" + server.port() + "/admin/spotify/callback");
        assertThat(owner.get("/admin/api/spotify").json().at("/link/linkPending").asBoolean()).isTrue();

        String redirected = approve(authorizeUrl);
        AdminClient.Reply done = finish(owner, "  " + redirected + "  "); // as pasted, with stray spaces
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().at("/link/state").asText()).isEqualTo("LINKED");
        assertThat(done.json().at("/link/message").asText()).isEqualTo("Linked as Ada (Premium).");
        assertThat(done.json().at("/link/linkPending").asBoolean()).isFalse();
        String stored = Files.readString(accountFile);
        assertThat(stored).contains("refresh-", "ada42");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(accountFile))).isEqualTo("rw-------");

        // The same address again is spent: a code is single-use.
        AdminClient.Reply again = finish(owner, redirected);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("error").asText()).contains("press 'Link Spotify' again");

        AdminClient.Reply unlinked = owner.post("/admin/api/spotify/unlink", "{}");
        assertThat(unlinked.json().at("/link/state").asText()).isEqualTo("NOT_LINKED");
        assertThat(Files.readString(accountFile)).doesNotContain("refresh-").contains(CLIENT_ID);
    }

    @Test
    void aBadPasteIsExplainedAndLeavesTheLinkAsItWas() throws Exception {
        AdminClient owner = signedIn();
        owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", CLIENT_ID));
        String before = Files.readString(accountFile);
        String redirected = approve(startLink(owner));

        Map<String, String> pastes = Map.of(
                "hello there", "paste the whole address",
                "", "'redirectedTo'",
                redirected.replaceFirst("state=[^&]+", "state=someoneelses"), "state does not match",
                redirected.replaceFirst("code=[^&]+", "code="), "has no 'code'");
        for (Map.Entry<String, String> paste : pastes.entrySet()) {
            AdminClient.Reply reply = finish(owner, paste.getKey());
            assertThat(reply.status()).as(paste.getKey()).isEqualTo(400);
            assertThat(reply.json().path("error").asText()).as(paste.getKey()).contains(paste.getValue());
            assertThat(Files.readString(accountFile)).isEqualTo(before);
        }
        assertThat(owner.post("/admin/api/spotify/finish", "{\"redirectedTo\": 42}").status()).isEqualTo(400);
        assertThat(owner.post("/admin/api/spotify/finish", "[]").status()).isEqualTo(400);
        // None of those spent the attempt: the right address still links.
        assertThat(finish(owner, redirected).json().at("/link/state").asText()).isEqualTo("LINKED");
    }

    @Test
    void pressingCancelOnSpotifyIsSaidAsSuchAndNothingIsStored() throws Exception {
        AdminClient owner = signedIn();
        owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", CLIENT_ID));
        String before = Files.readString(accountFile);
        String authorizeUrl = startLink(owner);
        String state = URI.create(authorizeUrl).getQuery().replaceFirst(".*state=([^&]+).*", "$1");
        String cancelled = "http://127.0.0.1:" + server.port() + "/admin/spotify/callback?error=access_denied&state="
                + state;

        AdminClient.Reply reply = finish(owner, cancelled);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).contains("access_denied", "you pressed Cancel");
        assertThat(Files.readString(accountFile)).isEqualTo(before);
        JsonNode view = owner.get("/admin/api/spotify").json();
        assertThat(view.at("/link/state").asText()).isEqualTo("NOT_LINKED");
        assertThat(view.at("/link/linkPending").asBoolean()).isFalse();
        assertThat(fake.count("POST /api/token")).isZero();
    }

    @Test
    void onTheKioskScreenTheCallbackFinishesTheLinkByItself() throws Exception {
        AdminClient owner = signedIn();
        owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", CLIENT_ID));
        String redirected = approve(startLink(owner));

        // A forged callback (someone else's state) is refused on the page and changes nothing.
        HttpClient kiosk = HttpClient.newHttpClient();
        HttpResponse<String> forged = kiosk.send(HttpRequest.newBuilder(URI.create(
                redirected.replaceFirst("state=[^&]+", "state=forged"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.body()).contains("Spotify was not linked", "state does not match");
        HttpResponse<String> hostile = kiosk.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/admin/spotify/callback?error=%3Cscript%3Ealert(1)%3C/script%3E&state=x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hostile.body()).doesNotContain("<script>").contains("Spotify was not linked");

        HttpResponse<String> page = kiosk.send(HttpRequest.newBuilder(URI.create(redirected)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("Linked as Ada (Premium).");
        assertThat(owner.get("/admin/api/spotify").json().at("/link/state").asText()).isEqualTo("LINKED");
    }

    @Test
    void theKioskNoticeSpeaksOnlyWhileALinkedSpotifyFails() throws Exception {
        AdminClient owner = signedIn();
        HttpClient kiosk = HttpClient.newHttpClient();
        HttpRequest notice = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/spotify/notice")).GET().build();
        assertThat(kiosk.send(notice, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"notice\":null}");

        owner.put("/admin/api/spotify/app", JsonBodyOf.field("clientId", CLIENT_ID));
        finish(owner, approve(startLink(owner)));
        assertThat(kiosk.send(notice, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"notice\":null}");

        fake.inject("/v1/search", "500");
        spotify.candidates().sweepSoon().get();
        String down = kiosk.send(notice, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(down).contains("Spotify is unavailable", "playing from your own library");
        assertThat(owner.get("/admin/api/spotify").json().path("notice").asText()).contains("Spotify is unavailable");

        spotify.candidates().sweepSoon().get(); // it answers again
        assertThat(kiosk.send(notice, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"notice\":null}");

        // The owner removes the app's access in their Spotify account; the next tap on a Spotify song finds out.
        fake.revokeAll();
        spotify.player().play(new Track(9, SourceKind.SPOTIFY, "spotify:track:gone", "Gone", "Nobody", null, null, null, 200,
                false, null, null));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String revoked = "";
        while (!revoked.contains("link Spotify again") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            revoked = kiosk.send(notice, HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(revoked).contains("Spotify access ended", "link Spotify again on the admin page");
        assertThat(owner.get("/admin/api/spotify").json().at("/link/state").asText()).isEqualTo("REVOKED");
    }

    /** A one-field JSON object with the value escaped by Jackson, so pasted text goes through as typed. */
    static final class JsonBodyOf {
        static String field(String name, String value) {
            return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put(name, value).toString();
        }
    }
}
