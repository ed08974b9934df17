package org.moodbox.web;

import org.moodbox.model.SourceKind;
import org.moodbox.web.admin.YoutubeAdminRoutes;
import org.moodbox.web.kiosk.HandoffRoutes;
import org.moodbox.web.shared.Handoff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.recommend.SourcedRecommender;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.SettingsStore;
import org.moodbox.youtube.FakeYoutubeApi;
import org.moodbox.youtube.YoutubeCandidates;
import org.moodbox.youtube.YoutubeDataApi;

/**
 * The rig's rooms with the YouTube source wired as the appliance wires it (settings, 0600 key file, the
 * recommender telling the source what is wanted, phone links following the owner's choice, the owner's YouTube
 * section), talking to the local fake of the Data API. The rig closes the source and the fake after the test.
 */
final class YoutubeRooms {
    final RealRooms rooms;
    final java.nio.file.Path data;
    final SettingsStore settings;
    final SecretFile key;
    final FakeYoutubeApi fake;
    final YoutubeCandidates youtube;
    final WebServer server;

    private YoutubeRooms(WebRig rig) {
        rooms = rig.rooms();
        settings = rig.settings();
        data = rig.data();
        fake = rig.closeAfter(new FakeYoutubeApi());
        key = SecretFile.open(rig.data(), "youtube-api-key");
        youtube = rig.closeAfter(YoutubeCandidates.open(rooms.catalog,
                new YoutubeDataApi(fake.base(), Duration.ofSeconds(2), Duration.ofSeconds(5)), key,
                () -> settings.current().youtube(), Clock.systemUTC(), YoutubeCandidates.Timing.defaults()));
        settings.followChanges(org.moodbox.settings.Settings::youtube, saved -> youtube.settingsChanged());
        server = rig.recommender(new SourcedRecommender(rooms.recommender, () -> TrackFilter.ANY, List.of(youtube)))
                .with(new HandoffRoutes(new Handoff(() -> settings.current().youtube().phoneLink(), List.of(youtube))))
                .with(new YoutubeAdminRoutes(youtube, key))
                .server();
    }

    /** Starts the rig's server with the YouTube source (a {@link WebRig#withOwner()} rig). */
    static YoutubeRooms start(WebRig rig) {
        return new YoutubeRooms(rig);
    }

    /** A link-only video in the catalog, as the source files them. */
    long addVideo(String videoId, String title, String artist, double valence, double energy) {
        return rooms.catalog.upsert(new CatalogEntry(SourceKind.YOUTUBE, "https://www.youtube.com/watch?v=" + videoId,
                title, artist, null, null, null, List.of(), 0, false, "YouTube: " + artist, null,
                new Features(valence, energy, null, "estimated"), null, null));
    }

    /** A local file track (no audio needed: it is only linked, never played, by these tests). */
    long addLocal(String title, String artist, double valence, double energy) {
        return rooms.catalog.upsert(new CatalogEntry(SourceKind.LOCAL, "file:///music/" + title.hashCode() + ".flac", title,
                artist, null, null, null, List.of(), 200, false, null, null,
                new Features(valence, energy, null, "estimated"), null, null));
    }

    /** New cards now (as "More songs" does): the server computed its first cards before a test added tracks. */
    void refreshCards() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base() + "/api/recommendations/refresh"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new AssertionError("refresh answered " + response.statusCode());
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
