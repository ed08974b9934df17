package org.moodbox.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.scan.BackgroundScan;
import org.moodbox.device.CpuTemperature;
import org.moodbox.playback.PlaybackQueue;
import org.moodbox.mqtt.MqttRoom;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SecretFile;
import org.moodbox.web.admin.MqttAdminRoutes;
import org.moodbox.settings.SettingsStore;
import org.moodbox.spotify.Spotify;
import org.moodbox.vision.VisionLoop;
import org.moodbox.web.admin.AdminCameraRoutes;
import org.moodbox.web.admin.AdminChoicesRoutes;
import org.moodbox.web.admin.AdminLibraryRoutes;
import org.moodbox.web.admin.AdminRoutes;
import org.moodbox.web.admin.AdminStatusRoutes;
import org.moodbox.web.admin.ArtistLanguageRoutes;
import org.moodbox.web.admin.SpotifyAdminRoutes;
import org.moodbox.web.admin.YoutubeAdminRoutes;
import org.moodbox.web.kiosk.HandoffRoutes;
import org.moodbox.web.kiosk.QueueRoutes;
import org.moodbox.web.shared.ArtistDirectory;
import org.moodbox.web.shared.Handoff;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.youtube.YoutubeCandidates;

/**
 * The web server's extensions as the appliance serves them: the owner's sign-in first (its guard checks CSRF
 * on every {@code /admin/api} change), then each owner's section (Home Assistant / MQTT among them), the queue, the hand-over to phones, YouTube's
 * and Spotify's sections. Each arrives the same way; the server knows none of them by name.
 */
final class WebSections {
    private WebSections() {
    }

    /**
     * @param installerFolders music folders given on the command line (shown read-only next to the owner's)
     */
    static List<WebExtension> of(SettingsStore settings, AdminSecrets secrets, VisionLoop vision,
                                 BackgroundScan libraryScan, Supplier<List<Path>> installerFolders, Catalog catalog,
                                 PlaybackQueue queue, YoutubeCandidates youtube, Spotify spotify, MqttRoom mqtt,
                                 SecretFile mqttPassword) {
        return List.of(
                new AdminRoutes(settings, secrets, Clock.systemUTC()),
                new AdminStatusRoutes(vision::status, CpuTemperature.SYS_THERMAL),
                new AdminCameraRoutes(vision::previewJpeg, vision::status, Path.of("/dev")),
                new AdminLibraryRoutes(libraryScan, installerFolders),
                new AdminChoicesRoutes(ArtistDirectory.of(catalog)),
                new QueueRoutes(queue),
                new HandoffRoutes(new Handoff(() -> settings.current().youtube().phoneLink(), List.of(youtube))),
                new YoutubeAdminRoutes(youtube, youtube.apiKey()),
                new SpotifyAdminRoutes(spotify),
                new ArtistLanguageRoutes(catalog),
                new MqttAdminRoutes(mqtt, mqttPassword));
    }
}
