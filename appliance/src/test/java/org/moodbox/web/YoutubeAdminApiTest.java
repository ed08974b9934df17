package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.youtube.FakeYoutubeApi;

/** The owner's YouTube section of the admin API: the key goes in, never comes out; settings are validated. */
class YoutubeAdminApiTest {
    private static final String PASSWORD = "correct horse";
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private YoutubeRooms box;
    private AdminClient phone;

    @BeforeEach
    void start() throws Exception {
        box = YoutubeRooms.start(rig);
        phone = new AdminClient(box.server.port());
        phone.setUp(PASSWORD);
    }

    @Test
    void theKeyIsStoredOwnerOnlyAndOnlyEverShownAsAHint() throws Exception {
        assertThat(phone.get("/admin/api/youtube").json().path("keySet").asBoolean()).isFalse();

        AdminClient.Reply saved = phone.put("/admin/api/youtube/key", "{\"apiKey\": \" " + FakeYoutubeApi.KEY + " \"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("keySet").asBoolean()).isTrue();
        assertThat(saved.json().path("keyHint").asText()).isEqualTo("\u20261234");
        assertThat(saved.toString()).doesNotContain(FakeYoutubeApi.KEY).doesNotContain("fake_fake");
        AdminClient.Reply status = phone.get("/admin/api/youtube");
        assertThat(status.toString()).doesNotContain(FakeYoutubeApi.KEY);
        assertThat(phone.get("/admin/api/settings").toString()).doesNotContain(FakeYoutubeApi.KEY);
        Path file = box.data.resolve("youtube-api-key");
        assertThat(Files.readString(file)).isEqualTo(FakeYoutubeApi.KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(status.json().path("dailyBudget").asInt()).isEqualTo(10_000);
        assertThat(status.json().path("searchCost").asInt()).isEqualTo(100);
        assertThat(status.json().path("quotaResetsAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT0[78]:00:00Z");

        AdminClient.Reply removed = phone.send(phone.withCsrf("/admin/api/youtube/key").DELETE());
        assertThat(removed.json().path("keySet").asBoolean()).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void somethingThatIsNotAnApiKeyIsRefusedAndTheOldKeyKept() throws Exception {
        phone.put("/admin/api/youtube/key", "{\"apiKey\": \"" + FakeYoutubeApi.KEY + "\"}");

        for (String body : new String[] {"{\"apiKey\": \"\"}", "{\"apiKey\": \"GOCSPX-client-secret\"}",
                "{\"apiKey\": 42}", "not json", "{\"apiKey\": \"AIza" + "x".repeat(34) + "\"}",
                "{\"apiKey\": \"AIza" + "x".repeat(17) + " " + "x".repeat(17) + "\"}"}) {
            AdminClient.Reply refused = phone.put("/admin/api/youtube/key", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().path("fields").path("apiKey").asText()).as(body).isNotBlank();
        }
        assertThat(box.key.value()).contains(FakeYoutubeApi.KEY);
    }

    @Test
    void keyRoutesNeedASignedInOwnerAndTheCsrfToken() throws Exception {
        assertThat(phone.putWithoutCsrf("/admin/api/youtube/key", "{\"apiKey\": \"" + FakeYoutubeApi.KEY + "\"}")
                .status()).isEqualTo(403);
        AdminClient stranger = new AdminClient(box.server.port());
        stranger.openSession();
        assertThat(stranger.get("/admin/api/youtube").status()).isEqualTo(401);
        assertThat(stranger.put("/admin/api/youtube/key", "{\"apiKey\": \"" + FakeYoutubeApi.KEY + "\"}").status())
                .isEqualTo(401);
        assertThat(box.key.value()).isEmpty();
    }

    @Test
    void youtubeSettingsAreValidatedLikeEveryOtherSetting() throws Exception {
        AdminClient.Reply bad = phone.put("/admin/api/settings",
                "{\"youtube\": {\"phoneLink\": \"napster\", \"dailyQuotaUnits\": 0}}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("fields").path("youtube.phoneLink").asText()).contains("youtube, spotify");
        assertThat(bad.json().path("fields").path("youtube.dailyQuotaUnits").asText()).contains("100");

        AdminClient.Reply good = phone.put("/admin/api/settings",
                "{\"youtube\": {\"phoneLink\": \"spotify\", \"searchEnabled\": true, \"dailyQuotaUnits\": 3000}}");
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().path("settings").path("youtube").path("dailyQuotaUnits").asInt()).isEqualTo(3000);
        assertThat(phone.get("/admin/api/youtube").json().path("dailyBudget").asInt()).isEqualTo(3000);
    }

    @Test
    void turningSearchOffTakesTheVideosOffTheBox() throws Exception {
        phone.put("/admin/api/youtube/key", "{\"apiKey\": \"" + FakeYoutubeApi.KEY + "\"}");
        phone.put("/admin/api/settings", "{\"youtube\": {\"searchEnabled\": true}}");
        box.addVideo("bnVUHWCynig", "Halo", "Beyonc\u00e9", 0.6, 0.5);
        assertThat(phone.get("/admin/api/youtube").json().path("linkOnlyTracks").asInt()).isEqualTo(1);

        phone.put("/admin/api/settings", "{\"youtube\": {\"searchEnabled\": false}}");

        assertThat(phone.get("/admin/api/youtube").json().path("linkOnlyTracks").asInt()).isZero();
        assertThat(box.rooms.catalog.trackCount()).isEqualTo(12);
    }
}
