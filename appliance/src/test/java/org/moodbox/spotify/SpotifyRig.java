package org.moodbox.spotify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.moodbox.catalog.CandidateCache;
import org.moodbox.catalog.Catalog;
import org.moodbox.settings.Settings;

/** The Spotify room's real classes pointed at a {@link FakeSpotify}; waits are recorded instead of slept. */
final class SpotifyRig implements AutoCloseable {
    static final String CLIENT_ID = "0123456789abcdef0123456789abcdef";
    final FakeSpotify fake = new FakeSpotify();
    final Path dataDir;
    final SpotifyApis apis;
    final SpotifyAccount account;
    final SpotifyHealth health = new SpotifyHealth(Clock.systemUTC());
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final SpotifyWeb web;

    SpotifyRig(Path dataDir, Duration timeout) {
        this.dataDir = dataDir;
        SpotifyEndpoints endpoints = SpotifyEndpoints.at(fake.base());
        apis = new SpotifyApis(endpoints, timeout);
        account = new SpotifyAccount(dataDir, () -> SpotifyApp.supplied(dataDir, Map.of()),
                new AccountsClient(endpoints, timeout, Clock.systemUTC()), apis, Clock.systemUTC());
        web = new SpotifyWeb(account, apis, health, Clock.systemUTC(), waits::add);
    }

    /** Sets the app and goes through the consent page as the owner's browser would, up to the pasted address. */
    String approve() throws Exception {
        account.setApp(CLIENT_ID, null);
        URI consent = account.startLink(URI.create("http://127.0.0.1:8080/admin/spotify/callback"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(consent).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new AssertionError("consent page answered " + r.statusCode() + ": " + r.body());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }

    void link() throws Exception {
        account.finishLink(approve());
    }

    SpotifyCandidates candidates(Catalog catalog, Settings settings) {
        return new SpotifyCandidates(web, new CandidateCache(catalog, SpotifyCandidates.SOURCE), () -> settings,
                Clock.systemUTC(), Duration.ZERO, Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        fake.close();
    }
}
