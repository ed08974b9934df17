package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.device.BoxNotices;
import org.moodbox.device.StorageFull;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.settings.SettingsStore;
import org.moodbox.model.Emotion;

/**
 * A really full disk: the data folder on a small tmpfs filled to the last byte (needs root to mount; skipped
 * otherwise, with the reason). Saves say "storage full", nothing is lost, and the music keeps playing.
 */
class FullDiskTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path folder;
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private Path disk;
    private boolean mounted;

    @AfterEach
    void unmount() throws Exception {
        BoxNotices.clear(StorageFull.TOPIC);
        if (mounted) {
            new ProcessBuilder("umount", "--lazy", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskIsStorageFullAndTheMusicPlaysOn() throws Exception {
        disk = Files.createDirectories(folder.resolve("sd"));
        assumeTrue(System.getProperty("user.name").equals("root"), "needs root to mount a small tmpfs");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "mount -t tmpfs is not allowed here: " + new String(mount.getInputStream().readAllBytes()));
        mounted = true;

        SettingsStore settings = rig.root(disk).settings();
        RealRooms rooms = rig.rooms();
        WebServer server = rig.kioskClient("127.0.0.1"::equals).server();
        AdminClient phone = new AdminClient(server.port());
        phone.setUp("correct horse battery");
        String box = "http://127.0.0.1:" + server.port();
        rooms.moodTracker.override(Emotion.HAPPY);
        JsonNode cards = awaitCards(box);
        long first = cards.get(0).at("/track/id").asLong();
        long second = cards.get(1).at("/track/id").asLong();
        assertThat(post(box + "/api/play", "{\"trackId\": " + first + "}").statusCode()).isEqualTo(200);
        byte[] settingsBefore = Files.exists(settings.file()) ? Files.readAllBytes(settings.file()) : null;

        fillUp(disk.resolve("filler"));

        AdminClient.Reply save = phone.put("/admin/api/settings", "{\"volumeCap\": 0.3}");
        assertThat(save.status()).as(save.toString()).isEqualTo(507);
        assertThat(save.json().path("error").asText()).contains("storage is full");
        assertThat(settings.current().volumeCap()).isNotEqualTo(0.3);
        if (settingsBefore != null) {
            assertThat(settings.file()).hasBinaryContent(settingsBefore);
        }
        JsonNode status = phone.get("/admin/api/status").json();
        assertThat(status.path("notices").toString()).contains("storage is full");

        // A skip skips even though its verdict cannot be written; the answer says what was not kept.
        HttpResponse<String> skip = post(box + "/api/skip", "{\"trackId\": " + first + "}");
        assertThat(skip.statusCode()).as(skip.body()).isEqualTo(200);
        JsonNode skipped = JSON.readTree(skip.body());
        assertThat(skipped.at("/playback/track/id").asLong()).isEqualTo(second);
        assertThat(skipped.path("notRecorded").asText()).contains("storage is full");
        rooms.awaitPlayer("the next song plays", s -> s.status() == Status.PLAYING && s.track() != null
                && s.track().id() == second);

        // A like is only a record: it fails as "storage full", never as an internal error, and the song plays on.
        HttpResponse<String> like = post(box + "/api/like", "{\"trackId\": " + second + "}");
        assertThat(like.statusCode()).as(like.body()).isEqualTo(507);
        assertThat(rooms.player.state().status()).isEqualTo(Status.PLAYING);

        Files.delete(disk.resolve("filler"));
        assertThat(phone.put("/admin/api/settings", "{\"volumeCap\": 0.3}").status()).isEqualTo(200);
    }

    /** Writes until the file system says "No space left on device". */
    private static void fillUp(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 100_000; i++) { // bounded: 6 GB, far beyond the 24 MB disk
                out.write(block);
            }
        } catch (IOException e) {
            assertThat(StorageFull.causedBy(e)).as(e.toString()).isTrue();
            return;
        }
        throw new AssertionError("the disk never filled up");
    }

    private JsonNode awaitCards(String box) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(box + "/api/state")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode cards = state.at("/recommendations");
            // The cards of the overridden mood, not the ones shown before it (a busy machine computes them late).
            if (cards.size() >= 3 && state.at("/mood/emotion").asText().equals("happy")) {
                return cards;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no cards");
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
