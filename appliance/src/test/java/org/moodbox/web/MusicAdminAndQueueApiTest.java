package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moodbox.web.kiosk.QueueRoutes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.playback.QueuedPlayer;
import org.moodbox.settings.SettingsStore;

/**
 * The owner's language per artist on the admin API, and the kiosk's queue routes, on a real server with the
 * real catalog, recommender and player (null sink).
 */
class MusicAdminAndQueueApiTest {
    private static final String PASSWORD = "correct horse battery";
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private QueuedPlayer queue;
    private SettingsStore settings;

    @BeforeEach
    void start() throws Exception {
        rooms = rig.rooms();
        settings = rig.settings();
        queue = new QueuedPlayer(rooms.player, Optional::empty);
        rig.player(queue).with(new QueueRoutes(queue));
    }

    @Test
    void theOwnerSetsAnArtistsLanguageAndTheCatalogFollows() throws Exception {
        AdminClient phone = new AdminClient(rig.port());
        assertThat(phone.get("/admin/api/artist-languages").status()).as("signed out").isEqualTo(401);
        phone.setUp(PASSWORD);

        AdminClient.Reply list = phone.get("/admin/api/artist-languages?q=maxSTACK");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("artists")).hasSize(1);
        assertThat(list.json().at("/artists/0/artist").asText()).isEqualTo("Maxstack");
        assertThat(list.json().at("/artists/0/detected/instrumental").asInt()).isPositive();
        assertThat(list.json().at("/artists/0/owner").isNull()).isTrue();

        AdminClient.Reply set = phone.put("/admin/api/artist-languages", "{\"artist\":\"maxstack\",\"language\":\"en\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().at("/artist/owner").asText()).isEqualTo("en");
        assertThat(rooms.catalog.allTracks()).filteredOn(t -> "Maxstack".equals(t.artist()))
                .isNotEmpty().allMatch(t -> "en".equals(t.language()));
        assertThat(rooms.catalog.allTracks()).filteredOn(t -> !"Maxstack".equals(t.artist()))
                .allMatch(t -> "instrumental".equals(t.language()));

        AdminClient.Reply cleared = phone.put("/admin/api/artist-languages", "{\"artist\":\"Maxstack\",\"language\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(rooms.catalog.allTracks()).allMatch(t -> "instrumental".equals(t.language()));
    }

    @Test
    void badLanguageRequestsAreRefusedAndChangeNothing() throws Exception {
        AdminClient phone = new AdminClient(rig.port());
        phone.setUp(PASSWORD);

        AdminClient.Reply badCode = phone.put("/admin/api/artist-languages", "{\"artist\":\"Maxstack\",\"language\":\"xx\"}");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().at("/fields/language").asText()).contains("not a language code");
        assertThat(phone.put("/admin/api/artist-languages", "{\"artist\":\"Nobody Known\",\"language\":\"de\"}").status())
                .isEqualTo(404);
        assertThat(phone.put("/admin/api/artist-languages", "{\"language\":\"de\"}").status()).isEqualTo(400);
        assertThat(phone.put("/admin/api/artist-languages", "not json").status()).isEqualTo(400);
        assertThat(phone.putWithoutCsrf("/admin/api/artist-languages", "{\"artist\":\"Maxstack\",\"language\":\"de\"}")
                .status()).isEqualTo(403);
        assertThat(phone.get("/admin/api/artists?q=" + "x".repeat(300)).status()).isEqualTo(400);

        assertThat(rooms.catalog.allTracks()).allMatch(t -> "instrumental".equals(t.language()));
        assertThat(rooms.catalog.artistLanguages(null, 100)).allMatch(a -> a.owner() == null);
    }

    @Test
    void nextPlaysTheQueuedTrackAndTheQueueCanBeRead() throws Exception {
        AdminClient kiosk = new AdminClient(rig.port());
        Track first = rooms.catalog.allTracks().get(0);
        Track second = rooms.catalog.allTracks().get(1);
        assertThat(kiosk.send(post("/api/queue", "{\"trackId\": " + second.id() + "}")).status()).isEqualTo(200);
        assertThat(kiosk.send(post("/api/queue", "{\"trackId\": 999999}")).status()).isEqualTo(400);
        assertThat(kiosk.get("/api/queue").json().at("/upcoming/0/id").asLong()).isEqualTo(second.id());

        assertThat(kiosk.send(post("/api/play", "{\"trackId\": " + first.id() + "}")).status()).isEqualTo(200);
        rooms.awaitAudible(first.id());
        AdminClient.Reply next = kiosk.send(post("/api/next", ""));

        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        rooms.awaitAudible(second.id());
        assertThat(kiosk.get("/api/queue").json().get("upcoming")).isEmpty();

        // Nothing queued: "next" moves along the cards on the screen, to a card other than the song playing.
        AdminClient.Reply onward = kiosk.send(post("/api/next", ""));
        assertThat(onward.status()).as(onward.toString()).isEqualTo(200);
        assertThat(onward.json().at("/playback/track/id").asLong()).isNotEqualTo(second.id());
    }

    @Test
    void theQueueIsBoundedAndClearedByANewMoodAndByTheOwner() throws Exception {
        AdminClient kiosk = new AdminClient(rig.port());
        Track track = rooms.catalog.allTracks().get(0);
        rooms.moodTracker.override(org.moodbox.model.Emotion.HAPPY);
        for (int i = 0; i < org.moodbox.playback.PlaybackQueue.MAX_QUEUED; i++) {
            assertThat(kiosk.send(post("/api/queue", "{\"trackId\": " + track.id() + "}")).status()).isEqualTo(200);
        }
        AdminClient.Reply full = kiosk.send(post("/api/queue", "{\"trackId\": " + track.id() + "}"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().path("error").asText()).contains("full");
        assertThat(queue.upcoming()).hasSize(org.moodbox.playback.PlaybackQueue.MAX_QUEUED);

        rooms.moodTracker.override(org.moodbox.model.Emotion.SAD);
        assertThat(queue.upcoming()).as("a new mood empties the queue").isEmpty();

        assertThat(kiosk.send(post("/api/queue", "{\"trackId\": " + track.id() + "}")).status()).isEqualTo(200);
        AdminClient owner = new AdminClient(rig.port());
        assertThat(owner.send(owner.withCsrf("/admin/api/queue").DELETE()).status()).as("signed out").isIn(401, 403);
        owner.setUp(PASSWORD);
        assertThat(owner.send(owner.withCsrf("/admin/api/queue").DELETE()).status()).isEqualTo(200);
        assertThat(queue.upcoming()).isEmpty();
        assertThat(kiosk.send(post("/api/queue", "{\"trackId\": " + track.id() + "}")).status()).isEqualTo(200);
        assertThat(kiosk.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.port() + "/api/queue"))
                .DELETE()).status()).isEqualTo(200);
        assertThat(queue.upcoming()).isEmpty();
    }

    @Test
    void nextIsAKioskControl() throws Exception {
        rig.kioskClient(address -> false); // every client counts as a phone
        AdminClient phone = new AdminClient(rig.port());
        assertThat(phone.send(post("/api/next", "")).status()).isEqualTo(403);
        assertThat(phone.send(post("/api/queue", "{\"trackId\": 1}")).status()).isEqualTo(403);
        assertThat(queue.upcoming()).isEmpty();
        assertThat(queue.state().status()).isEqualTo(Status.STOPPED);
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
