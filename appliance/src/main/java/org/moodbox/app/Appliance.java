package org.moodbox.app;
import org.moodbox.vision.VisionStatus;
import org.moodbox.device.LedState;
import org.moodbox.device.HealthCheck;


import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.moodbox.catalog.scan.BackgroundScan;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogBackup;
import org.moodbox.catalog.CatalogHealth;
import org.moodbox.catalog.scan.LibraryScanner;
import org.moodbox.device.BoxNotices;
import org.moodbox.device.GpioPins;
import org.moodbox.device.HttpLivenessCheck;
import org.moodbox.device.ServiceWatchdog;
import org.moodbox.device.SystemdNotifier;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import org.moodbox.playback.AudioOutput;
import org.moodbox.playback.LocalFilePlayer;
import org.moodbox.playback.Player;
import org.moodbox.playback.RoutingPlayer;
import org.moodbox.spotify.Spotify;
import org.moodbox.spotify.SpotifyEndpoints;
import org.moodbox.recommend.MergedTrackSource;
import org.moodbox.playback.PlayHistoryPlayer;
import org.moodbox.playback.QueuedPlayer;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.SourcedRecommender;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackSource;
import org.moodbox.recommend.TrackFilter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.moodbox.mqtt.BoxPorts;
import org.moodbox.mqtt.MqttRoom;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.CameraState;
import org.moodbox.vision.VisionLoop;
import org.moodbox.web.ServerOptions;
import org.moodbox.web.shared.KioskRooms;
import org.moodbox.web.shared.TrackFeedback;
import org.moodbox.web.shared.TrackLookup;
import org.moodbox.web.WebServer;
import org.moodbox.youtube.YoutubeCandidates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every room with its constructor and connects them in the one
 * direction data flows (camera -> vision -> mood -> recommend -> screen -> playback).
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    /** Seconds of each track a library scan analyses: stable features at several hundred x real time. */
    private static final double SCAN_WINDOW_SECONDS = 60;
    /** No track comes back within this many plays (the recommender shrinks it for small libraries). */
    private static final int NO_REPEAT_WINDOW = 20;
    /** Recommendations looked at for "next": enough that one the box can play (not link-only) is among them. */
    private static final int NEXT_CANDIDATES = 8;
    /**
     * Longer than the slowest healthy gap between two frames (the camera reconnect's 10 s pause, an idle room's
     * 2 s pace, a model being swapped in) and shorter than the unit's WatchdogSec=30.
     */
    static final Duration VISION_DEADLINE = Duration.ofSeconds(20);

    private final Catalog catalog;
    private final VisionLoop vision;
    private final Player player;
    private final WebServer web;
    private final SystemdNotifier systemd;
    private final ServiceWatchdog watchdog;
    private final BoxHardware hardware;
    private final Spotify spotify;
    private final YoutubeCandidates youtube;
    private final BackgroundScan libraryScan;
    private final CatalogBackup backup;
    private final MqttRoom mqtt;
    private boolean closed;

    private Appliance(Catalog catalog, VisionLoop vision, Player player, WebServer web, SystemdNotifier systemd,
                      ServiceWatchdog watchdog, BoxHardware hardware, Spotify spotify, YoutubeCandidates youtube,
                      BackgroundScan libraryScan, CatalogBackup backup, MqttRoom mqtt) {
        this.backup = backup;
        this.mqtt = mqtt;
        this.spotify = spotify;
        this.youtube = youtube;
        this.libraryScan = libraryScan;
        this.catalog = catalog;
        this.vision = vision;
        this.player = player;
        this.web = web;
        this.systemd = systemd;
        this.watchdog = watchdog;
        this.hardware = hardware;
    }

    /**
     * With the button, LED and sensor on the pins of the owner's settings (where there is no GPIO, it says so
     * and goes on); a change of pins on the admin page takes effect at once.
     */
    public static Appliance start(ApplianceConfig config) {
        return start(config, null);
    }

    /** @param gpioPins pins from the command line, which win over the settings; null: the settings' pins */
    public static Appliance start(ApplianceConfig config, GpioPins gpioPins) {
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment(config.environment());
        systemd.status("starting");
        // The owner's settings and the admin password hash, before anything that would need closing if they fail.
        SettingsStore settings = SettingsStore.open(config.dataDir());
        AdminSecrets secrets = AdminSecrets.open(config.dataDir());
        // Checked before use: a damaged file is moved aside and rebuilt, its history restored from the backup.
        CatalogHealth.Opened opened = CatalogHealth.open(config.dataDir().resolve("catalog.db"),
                config.dataDir().resolve(CatalogBackup.FILE_NAME), Clock.systemUTC());
        Catalog catalog = opened.catalog();
        opened.notice().ifPresent(notice -> BoxNotices.raise("catalog", notice));
        VisionLoop vision = null;
        Player player = null;
        Spotify spotify = null;
        YoutubeCandidates youtube = null;
        BackgroundScan libraryScan = null;
        BoxControls controls = null;
        MqttRoom mqtt = null;
        try {
            MoodTracker mood = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
            vision = new VisionLoop(config.camera(),
                    OwnerSettings.pipelineAtStart(settings, config.detector(), config.frameMode()), mood, config.maxFps());
            OwnerSettings.pipeline(settings, vision, config.frameMode());
            // Spotify: candidates from the background cache, tracks played over Spotify Connect (the box's own
            // librespot device when it can play); a box without a linked account behaves as before.
            spotify = Spotify.open(config.dataDir(), catalog, settings::current, SpotifyEndpoints.production(),
                    config.environment(), Clock.systemUTC(), Spotify.HTTP_TIMEOUT, Duration.ofMillis(300),
                    config.volumeCap(), config.volumeCap(),
                    Spotify.librespotIfInstalled(config.dataDir(), "Moodbox", config.volumeCap(),
                            config.environment().getOrDefault("MOODBOX_ALSA_MIXER", "")).orElse(null));
            youtube = YoutubeSource.open(config.dataDir(), catalog, settings, config.environment());
            Supplier<TrackFilter> filter = OwnerSettings.trackFilter(settings);
            // Spotify's candidates join the catalog's tracks; YouTube's link-only videos are asked for by mood.
            MoodRecommender ranked = new MoodRecommender(
                    new MergedTrackSource(TrackSource.of(catalog), List.of(spotify.candidates())), filter,
                    OwnerSettings.strategyPlan(settings, StrategyPlan.DEFAULT_LIFT_STEPS), NO_REPEAT_WINDOW);
            SourcedRecommender recommender = new SourcedRecommender(ranked, filter, List.of(youtube));
            // Queue outermost, so every track it starts by itself is recorded in the play history too. "Next"
            // and a track's end play the next queued track, else the best recommendation the box can play
            // (never a link-only video).
            QueuedPlayer queued = new QueuedPlayer(new PlayHistoryPlayer(new RoutingPlayer(
                    new LocalFilePlayer(config.volumeCap(), AudioOutput.soundCardOrNullSink()), spotify.player()),
                    new CatalogPlayRecorder(catalog),
                    () -> mood.current().label()),
                    () -> recommender.recommend(mood.current(), NEXT_CANDIDATES).stream()
                            .map(Recommendation::track).filter(track -> !track.linkOnly()).findFirst());
            player = queued;
            // The owner's saved cap applies now and after every save, never above --volume-cap, the installer's
            // ceiling (say, for small speakers).
            OwnerSettings.volumeCap(settings, player, config.volumeCap());
            OwnerSettings.camera(settings, vision, config.camera());
            VisionLoop eyes = vision;
            libraryScan = new BackgroundScan(new LibraryScanner(catalog, SCAN_WINDOW_SECONDS),
                    () -> libraryFolders(config, settings), Clock.systemUTC());
            // The button, the presence sensor and the broker's commands reach playback, feedback, the vision pace
            // and the screen through these controls; the screen joins once the server is up.
            AtomicReference<WebServer> screen = new AtomicReference<>();
            controls = new BoxControls(player, recommender, mood, catalog, List.of(present -> eyes.idle(!present),
                    present -> Optional.ofNullable(screen.get()).ifPresent(w -> w.presence(present))));
            // The broker link: Home Assistant and a fleet see the box's state and send the kiosk's own commands.
            SecretFile mqttPassword = SecretFile.open(config.dataDir(), MQTT_PASSWORD_FILE);
            OwnerSettings.mqttFromCommandLine(settings, mqttPassword, config.mqtt());
            String webBase = "http://" + reachableHost(config.host()) + ":" + config.port();
            AdminAddressFile adminAddress = AdminAddressFile.fromEnvironment(config.environment());
            mqtt = MqttRoom.start(settings, mqttPassword, new BoxPorts(mood, player, controls),
                    BoxIdentity.of(config.dataDir(), webBase, adminAddress.get()),
                    config.dataDir().resolve("mqtt-group.json"), Clock.systemUTC());
            WebServer web = new WebServer(new KioskRooms(mood, recommender, player, catalog, TrackLookup.of(catalog),
                    () -> eyes.status().cameraState() == CameraState.RUNNING, TrackFeedback.of(catalog)),
                    ServerOptions.on(config.host(), config.port()),
                    WebSections.of(settings, secrets, eyes, libraryScan, config::libraryFolders, catalog, queued,
                            youtube, spotify, mqtt, mqttPassword));
            screen.set(web);
            spotify.start();
            vision.start();
            LOG.info("Moodbox is up: kiosk http://{}:{}/  owner http://{}:{}/admin  ({} tracks before the library"
                            + " scan, camera: {})",
                    config.host(), web.port(), config.host(), web.port(), catalog.trackCount(),
                    config.camera().describe());
            web.adminAddress(adminAddress);
            // Last, because it does not throw: what opened above is all the catch below has to release.
            BoxHardware hardware = BoxHardware.open(gpioPins, settings, controls, () -> ledState(eyes.status()));
            String serving = "serving http://" + config.host() + ":" + web.port() + "/, " + hardware.status();
            ServiceWatchdog watchdog = ServiceWatchdog.start(systemd, List.of(visionAlive(eyes),
                    new HttpLivenessCheck(URI.create("http://" + loopback(config.host()) + ":" + web.port() + "/"),
                            Duration.ofSeconds(5))), serving);
            systemd.ready(serving);
            // The library is brought up to date while the box already serves: unchanged files are skipped, and
            // new tracks reach the kiosk's cards when the scan ends (the admin page shows its progress).
            libraryScan.onFinished(() -> warnIfEmpty(catalog));
            BackgroundScan scan = libraryScan;
            opened.restoreFrom().ifPresent(copy -> restoreAfterFirstScan(scan, catalog, copy,
                    opened.notice().orElse("")));
            CatalogBackup backup = CatalogBackup.nightly(catalog.file(),
                    config.dataDir().resolve(CatalogBackup.FILE_NAME), Clock.systemDefaultZone());
            libraryScan.start();
            return new Appliance(catalog, vision, player, web, systemd, watchdog, hardware, spotify, youtube,
                    libraryScan, backup, mqtt);
        } catch (RuntimeException e) {
            // Whatever did start (models, audio, the catalog file) is released before the error is reported.
            if (mqtt != null) {
                mqtt.close();
            }
            if (controls != null) {
                controls.close();
            }
            if (libraryScan != null) {
                libraryScan.close();
            }
            if (youtube != null) {
                youtube.close();
            }
            if (player != null) {
                player.close();
            }
            if (spotify != null) {
                spotify.close();
            }
            if (vision != null) {
                vision.close();
            }
            catalog.close();
            systemd.close();
            throw e;
        }
    }

    /** Once the library scan has put the tracks back, their plays and likes come back from the backup. */
    private static void restoreAfterFirstScan(BackgroundScan scan, Catalog catalog, Path backup, String notice) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        scan.onFinished(() -> {
            if (done.compareAndSet(false, true)) {
                try {
                    int plays = CatalogHealth.restoreHistory(catalog, backup);
                    BoxNotices.raise("catalog", notice + "; the catalog is rebuilt and " + plays
                            + " plays with their likes and skips were restored");
                } catch (RuntimeException e) {
                    LOG.error("restoring the play history failed: {}", e.getMessage());
                    BoxNotices.raise("catalog", notice + "; restoring the play history failed: " + e.getMessage());
                }
            }
        });
    }

    /** The LED at the box: on while the camera is read, blinking while it is lost. */
    private static LedState ledState(VisionStatus status) {
        return switch (status.cameraState()) {
            case RUNNING -> LedState.ON;
            case RECONNECTING -> LedState.BLINKING;
            default -> LedState.OFF;
        };
    }

    /**
     * The vision thread is alive and analysed a frame within {@link #VISION_DEADLINE} (or, with the camera
     * missing, tried to open it): a dead thread or a frozen mood means no watchdog ping, so systemd restarts us.
     */
    static HealthCheck visionAlive(VisionLoop vision) {
        return () -> vision.problem(VISION_DEADLINE);
    }

    /** The password of the owner's MQTT broker user, in its own 0600 file beside the settings. */
    static final String MQTT_PASSWORD_FILE = "mqtt-password";

    /** How other machines (Home Assistant) reach the web server: the bound address, or the host's mDNS name. */
    private static String reachableHost(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? BoxIdentity.hostName() + ".local" : host;
    }

    /** The web server is probed where this machine itself reaches it. */
    private static String loopback(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    }

    /** The installer's folders (command line) and the owner's (admin page), each once. */
    private static List<Path> libraryFolders(ApplianceConfig config, SettingsStore settings) {
        java.util.LinkedHashSet<Path> folders = new java.util.LinkedHashSet<>();
        config.libraryFolders().forEach(f -> folders.add(f.toAbsolutePath().normalize()));
        settings.current().libraryFolders().forEach(f -> folders.add(Path.of(f)));
        return List.copyOf(folders);
    }

    private static void warnIfEmpty(Catalog catalog) {
        if (catalog.trackCount() == 0) {
            LOG.warn("the catalog is empty: add a music folder on the admin page, or scan one with"
                    + " 'moodbox library scan DIR'");
        }
    }

    public int port() {
        return web.port();
    }

    /** Blocks the calling thread until the process is asked to stop (Ctrl-C, systemd stop). */
    public void awaitShutdown() throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // the shutdown hook and the caller's try-with-resources both close
        }
        closed = true;
        systemd.stopping("stopping");
        watchdog.close(); // first: a vision loop being closed must not read as a failure
        mqtt.close(); // first: no broker's command may reach a closing player; the broker hears "offline"
        hardware.close(); // the button and the sensor: no press may reach a closing player either
        web.close();
        libraryScan.close();
        backup.close();
        vision.close();
        player.close(); // closes the Spotify Connect player with the local one
        spotify.close();
        youtube.close();
        catalog.close();
        systemd.close();
        LOG.info("Moodbox stopped");
    }
}
