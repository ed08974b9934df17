package org.moodbox;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.LibraryScanner;
import org.moodbox.catalog.ScanReport;
import org.moodbox.catalog.Track;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import org.moodbox.playback.AudioOutput;
import org.moodbox.playback.LocalFilePlayer;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.Player;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.Strategy;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.VisionLoop;
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

    private final Catalog catalog;
    private final VisionLoop vision;
    private final Player player;
    private final WebServer web;
    private boolean closed;

    private Appliance(Catalog catalog, VisionLoop vision, Player player, WebServer web) {
        this.catalog = catalog;
        this.vision = vision;
        this.player = player;
        this.web = web;
    }

    public static Appliance start(ApplianceConfig config) {
        Catalog catalog = Catalog.open(config.dataDir().resolve("catalog.db"));
        VisionLoop vision = null;
        Player player = null;
        try {
            scanLibrary(catalog, config);
            MoodTracker mood = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
            vision = new VisionLoop(config.camera(), FacePipeline.create(config.detector()), mood, config.maxFps());
            player = new LocalFilePlayer(config.volumeCap(), AudioOutput.soundCardOrNullSink());
            recordPlays(player, catalog, mood);
            VisionLoop eyes = vision;
            WebServer web = new WebServer(mood, new MoodRecommender(catalog::allTracks, TrackFilter.ANY, Strategy.MATCH),
                    player, catalog, trackLookup(catalog), () -> "running".equals(eyes.status().cameraState()),
                    config.host(), config.port());
            vision.start();
            LOG.info("Moodbox is up: kiosk http://{}:{}/  owner http://{}:{}/admin  ({} tracks, camera: {})",
                    config.host(), web.port(), config.host(), web.port(), catalog.trackCount(),
                    config.camera().describe());
            return new Appliance(catalog, vision, player, web);
        } catch (RuntimeException e) {
            // Whatever did start (models, audio, the catalog file) is released before the error is reported.
            if (player != null) {
                player.close();
            }
            if (vision != null) {
                vision.close();
            }
            catalog.close();
            throw e;
        }
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

    /**
     * Play history: one row each time a track starts. The player announces PLAYING twice for a start (on the
     * tap, then when the sound device is open), so a start is a PLAYING state for a track object not seen
     * before; every tap looks its track up afresh, so a replay of the same song counts again.
     */
    private static void recordPlays(Player player, Catalog catalog, MoodTracker mood) {
        AtomicReference<Track> lastStarted = new AtomicReference<>();
        player.subscribe(state -> {
            Track track = state.track();
            if (state.status() == PlaybackState.Status.PLAYING && track != null
                    && lastStarted.getAndSet(track) != track) {
                catalog.recordPlay(track.id(), mood.current().label(), null);
            }
        });
    }

    private static TrackLookup trackLookup(Catalog catalog) {
        return new TrackLookup() {
            @Override
            public Optional<Track> byId(long id) {
                return catalog.track(id);
            }

            @Override
            public long count() {
                return catalog.trackCount();
            }
        };
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
        web.close();
        vision.close();
        player.close();
        catalog.close();
        LOG.info("Moodbox stopped");
    }
}
