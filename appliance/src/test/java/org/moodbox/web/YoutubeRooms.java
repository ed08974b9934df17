package org.moodbox.web;

import org.moodbox.model.SourceKind;
import org.moodbox.web.shared.Handoff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.recommend.SourcedRecommender;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.SettingsStore;
import org.moodbox.youtube.FakeYoutubeApi;
import org.moodbox.youtube.YoutubeCandidates;
import org.moodbox.youtube.YoutubeDataApi;

/**
 * {@link RealRooms} with the YouTube source wired as the appliance wires it (settings, 0600 key file, the
 * recommender telling the source what is wanted, phone links following the owner's choice), talking to the
 * local fake of the Data API.
 */
final class YoutubeRooms implements AutoCloseable {
    final RealRooms rooms;
    final Path data;
    final SettingsStore settings;
    final SecretFile key;
    final FakeYoutubeApi fake = new FakeYoutubeApi();
    final YoutubeCandidates youtube;
    final WebServer server;

    private YoutubeRooms(Path folder) throws Exception {
        rooms = RealRooms.in(folder.resolve("rooms"));
        data = Files.createDirectories(folder.resolve("data"));
        settings = SettingsStore.open(data);
        key = SecretFile.open(data, "youtube-api-key");
        youtube = YoutubeCandidates.open(rooms.catalog,
                new YoutubeDataApi(fake.base(), Duration.ofSeconds(2), Duration.ofSeconds(5)), key,
                () -> settings.current().youtube(), Clock.systemUTC(), YoutubeCandidates.Timing.defaults());
        settings.followChanges(org.moodbox.settings.Settings::youtube, saved -> youtube.settingsChanged());
        server = new WebServer(rooms.moodTracker,
                new SourcedRecommender(rooms.recommender, () -> TrackFilter.ANY, List.of(youtube)), rooms.player,
                rooms.catalog, rooms.trackLookup(), () -> true, settings, AdminSecrets.open(data), RoomLinks.none().with(
                        new Handoff(() -> settings.current().youtube().phoneLink(), List.of(youtube), youtube, key),
                        List.of()), "127.0.0.1", 0);
    }

    static YoutubeRooms start(Path folder) throws Exception {
        return new YoutubeRooms(folder);
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

    @Override
    public void close() {
        server.close();
        youtube.close();
        rooms.close();
        fake.close();
    }
}
