package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.web.admin.AdminRoutes;
import org.moodbox.settings.SettingsStore;

/** Hostile JSON bodies over real HTTP: each is refused with a short, clear 400, and nothing changes. */
class InputNitsTest {
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private WebServer server;
    private SettingsStore settings;
    private AdminClient phone;

    @BeforeEach
    void start() throws Exception {
        rooms = rig.rooms();
        Path data = rig.data();
        settings = rig.settings();
        server = rig.server();
        phone = new AdminClient(server.port());
        phone.setUp("correct horse battery");
    }

    @Test
    void trailingJsonIsRefusedAndNothingIsSaved() throws Exception {
        AdminClient.Reply reply = phone.put("/admin/api/settings", "{\"volumeCap\":0.5}{\"x\":1}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).contains("not valid JSON", "exactly one JSON value");
        assertThat(settings.current().volumeCap()).isNotEqualTo(0.5);
        assertThat(phone.put("/admin/api/settings", "{\"volumeCap\":0.5} ").status()).isEqualTo(200);
    }

    @Test
    void fiftyThousandUnknownKeysGetAShortAnswer() throws Exception {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 50_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        AdminClient.Reply reply = phone.put("/admin/api/settings", body.append('}').toString());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.response().body().length()).isLessThan(10_000);
        assertThat(reply.json().path("fields").size()).isEqualTo(AdminRoutes.MAX_FIELD_ERRORS + 1);
        assertThat(reply.json().at("/fields/…").asText()).contains("49980 more");
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() throws Exception {
        AdminClient.Reply reply = phone.put("/admin/api/settings", "{\"favouriteArtists\":[\"AB\\ud800BA\"]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).contains("favouriteArtists[0]", "surrogate");
        assertThat(settings.current().favouriteArtists()).isEmpty();
        // A real pair (an emoji) is fine.
        assertThat(phone.put("/admin/api/settings", "{\"favouriteArtists\":[\"AB\\ud83c\\udfb5BA\"]}").status())
                .isEqualTo(200);
        assertThat(settings.current().favouriteArtists()).containsExactly("AB\uD83C\uDFB5BA");
    }

    @Test
    void idsAreAsciiDigitsOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String box = "http://127.0.0.1:" + server.port();
        HttpResponse<String> arabic = http.send(HttpRequest.newBuilder(URI.create(box + "/api/play"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"trackId\":\"\u0663\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(arabic.statusCode()).isEqualTo(400);
        assertThat(rooms.player.state().status()).isNotEqualTo(Status.PLAYING);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(box + "/api/artwork/%D9%A3")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
}
