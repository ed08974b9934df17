package org.moodbox.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.moodbox.catalog.Catalog;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;
import org.moodbox.youtube.YoutubeCandidates;
import org.moodbox.youtube.YoutubeDataApi;

/**
 * Wires the YouTube source for the composition root: its key file, its API endpoint and its reaction to
 * saved settings. Kept out of {@link Appliance} so that file stays a list of rooms.
 */
final class YoutubeSource {
    /** The API key's own 0600 file in the data folder. */
    static final String KEY_FILE = "youtube-api-key";
    /** Points the source at another Data API root (a local fake for a demo or a test); unset: Google's. */
    static final String API_ENV = "MOODBOX_YOUTUBE_API";

    private YoutubeSource() {
    }

    static YoutubeCandidates open(Path dataDir, Catalog catalog, SettingsStore settings, Map<String, String> environment) {
        String override = environment.get(API_ENV);
        URI base = override == null || override.isBlank() ? YoutubeDataApi.GOOGLE : URI.create(override.strip());
        YoutubeCandidates youtube = YoutubeCandidates.open(catalog,
                new YoutubeDataApi(base, Duration.ofSeconds(5), Duration.ofSeconds(10)),
                SecretFile.open(dataDir, KEY_FILE), () -> settings.current().youtube(), Clock.systemUTC(),
                YoutubeCandidates.Timing.defaults());
        // A followed part reaches the source before the screens hear of the save, so cards recomputed after it
        // are already without the videos of a source just turned off.
        settings.followChanges(Settings::youtube, saved -> youtube.settingsChanged());
        return youtube;
    }
}
