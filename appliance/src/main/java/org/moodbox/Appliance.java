package org.moodbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.LibraryScanner;
import org.moodbox.catalog.ScanReport;
import org.moodbox.device.GpioPins;
import org.moodbox.device.HealthCheck;
import org.moodbox.device.HttpLivenessCheck;
import org.moodbox.device.LedState;
import org.moodbox.device.ServiceWatchdog;
import org.moodbox.device.SystemdNotifier;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import org.moodbox.playback.AudioOutput;
import org.moodbox.playback.LocalFilePlayer;
import org.moodbox.playback.OwnerVolumeCap;
import org.moodbox.playback.Player;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackSource;
import org.moodbox.recommend.SettingsTrackFilter;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.VisionLoop;
import org.moodbox.vision.VisionStatus;
import org.moodbox.web.TrackLookup;
import org.moodbox.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every room with its constructor and connects them in the one
 * direction data flows (camera -> vision -> mood -> recommend -> screen -> playback).
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    /** Seconds of each track the start-up scan analyses: stable features at several hundred x real time. */
    private static final double SCAN_WINDOW_SECONDS = 60;
    /** No track comes back within this many plays (the recommender shrinks it for small libraries). */
    private static final int NO_REPEAT_WINDOW = 20;

    private final Catalog catalog;
    private final VisionLoop vision;
    private final Player player;
    private final WebServer web;
    private final SystemdNotifier systemd;
    private final ServiceWatchdog watchdog;
    private final BoxHardware hardware;
    private boolean closed;

    private Appliance(Catalog catalog, VisionLoop vision, Player player, WebServer web, SystemdNotifier systemd,
                      ServiceWatchdog watchdog, BoxHardware hardware) {
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
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment(System.getenv());
        systemd.status("starting: scanning the music library");
        // The owner's settings and the admin password hash, before anything that would need closing if they fail.
        SettingsStore settings = SettingsStore.open(config.dataDir());
        AdminSecrets secrets = AdminSecrets.open(config.dataDir());
        Catalog catalog = Catalog.open(config.dataDir().resolve("catalog.db"));
        VisionLoop vision = null;
        Player player = null;
        try {
            scanLibrary(catalog, config);
            MoodTracker mood = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
            vision = new VisionLoop(config.camera(), FacePipeline.create(config.detector()), mood, config.maxFps());
            // The owner's saved cap applies now and after every save, never above --volume-cap, the installer's
            // ceiling (say, for small speakers).
            player = new PlayHistoryPlayer(new LocalFilePlayer(config.volumeCap(), AudioOutput.soundCardOrNullSink()),
                    catalog, () -> mood.current().label());
            OwnerVolumeCap.follow(settings, player, config.volumeCap());
            VisionLoop eyes = vision;
            MoodRecommender recommender = new MoodRecommender(TrackSource.of(catalog),
                    new SettingsTrackFilter(settings), StrategyPlan.defaults(), NO_REPEAT_WINDOW);
            WebServer web = new WebServer(mood, recommender,
                    player, catalog, TrackLookup.of(catalog), () -> "running".equals(eyes.status().cameraState()),
                    settings, secrets, config.host(), config.port());
            vision.start();
            LOG.info("Moodbox is up: kiosk http://{}:{}/  owner http://{}:{}/admin  ({} tracks, camera: {})",
                    config.host(), web.port(), config.host(), web.port(), catalog.trackCount(),
                    config.camera().describe());
            web.adminAddress(AdminAddressFile.fromEnvironment(System.getenv()));
            // Last, because neither throws: what opened above is all the catch below has to release.
            // The button and the presence sensor reach playback, feedback, the vision pace and the screen.
            BoxControls controls = new BoxControls(player, recommender, mood, catalog,
                    List.of(present -> eyes.idle(!present), web::presence));
            BoxHardware hardware = BoxHardware.open(gpioPins, settings, controls, () -> ledState(eyes.status()));
            String serving = "serving http://" + config.host() + ":" + web.port() + "/, " + hardware.status();
            ServiceWatchdog watchdog = ServiceWatchdog.start(systemd, List.of(visionAlive(eyes),
                    new HttpLivenessCheck(URI.create("http://" + loopback(config.host()) + ":" + web.port() + "/"),
                            Duration.ofSeconds(5))), serving);
            systemd.ready(serving);
            return new Appliance(catalog, vision, player, web, systemd, watchdog, hardware);
        } catch (RuntimeException e) {
            // Whatever did start (models, audio, the catalog file) is released before the error is reported.
            if (player != null) {
                player.close();
            }
            if (vision != null) {
                vision.close();
            }
            catalog.close();
            systemd.close();
            throw e;
        }
    }

    /** The LED at the box: on while the camera is read, blinking while it is lost. */
    private static LedState ledState(VisionStatus status) {
        return switch (status.cameraState()) {
            case "running" -> LedState.ON;
            case "reconnecting" -> LedState.BLINKING;
            default -> LedState.OFF;
        };
    }

    /** The vision loop only stops when the appliance closes; stopped before that, the watchdog should restart us. */
    private static HealthCheck visionAlive(VisionLoop vision) {
        return () -> "stopped".equals(vision.status().cameraState())
                ? Optional.of("vision loop stopped") : Optional.empty();
    }

    /** The web server is probed where this machine itself reaches it. */
    private static String loopback(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    }

    /** Brings the catalog up to date with the music folders (unchanged files are skipped). */
    private static void scanLibrary(Catalog catalog, ApplianceConfig config) {
        if (!config.libraryFolders().isEmpty()) {
            ScanReport report = new LibraryScanner(catalog, SCAN_WINDOW_SECONDS)
                    .scan(config.libraryFolders(), ScanProgressLog.INSTANCE);
            LOG.info("music library: {} files, {} added, {} updated, {} unchanged, {} unreadable ({}x real time)",
                    report.found(), report.added(), report.updated(), report.unchanged(), report.failures().size(),
                    Math.round(report.realtimeFactor()));
            report.failures().forEach(failure -> LOG.warn("skipped: {}", failure));
        }
        if (catalog.trackCount() == 0) {
            LOG.warn("the catalog is empty: scan a music folder with 'moodbox library scan DIR'");
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
        hardware.close(); // the button and the sensor first: no press may reach a closing player
        web.close();
        vision.close();
        player.close();
        catalog.close();
        systemd.close();
        LOG.info("Moodbox stopped");
    }
}
