package org.moodbox.web;

import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.LiveState;
import org.moodbox.web.shared.SseHub;
import org.moodbox.web.shared.TrackLookup;
import org.moodbox.web.shared.WebExtension;

import org.moodbox.web.admin.AdminCameraRoutes;
import org.moodbox.web.admin.AdminChoicesRoutes;
import org.moodbox.web.admin.AdminLibraryRoutes;
import org.moodbox.web.admin.AdminRoutes;
import org.moodbox.web.admin.AdminStatusRoutes;
import org.moodbox.web.kiosk.ApiRoutes;
import org.moodbox.web.admin.ArtistLanguageRoutes;
import org.moodbox.web.kiosk.ArtworkRoute;
import org.moodbox.web.kiosk.BoxRoutes;
import org.moodbox.web.kiosk.HandoffRoutes;
import org.moodbox.web.kiosk.KioskOnly;
import org.moodbox.web.kiosk.KioskPlaybackRoutes;
import org.moodbox.web.admin.OwnerGate;
import org.moodbox.web.admin.PasswordHasher;
import org.moodbox.web.kiosk.QueueRoutes;
import org.moodbox.web.admin.YoutubeAdminRoutes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.moodbox.catalog.ArtistLanguages;
import org.moodbox.catalog.ArtworkStore;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.Player;
import org.moodbox.recommend.Recommender;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;
import org.moodbox.web.shared.ApiViews.KioskSettingsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web room: the kiosk page, the admin page and the JSON/SSE API they read, on one Javalin server.
 *
 * <p>It shows what the other rooms publish and forwards taps to them; it owns no state of theirs. Only mood
 * numbers cross it, never a camera frame. The kiosk binds to 127.0.0.1 by default; bound to 0.0.0.0 for the
 * phone's admin page, the kiosk controls still answer only the box itself ({@link KioskOnly}).
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Cards on the kiosk: two screens of four at 800x480, one screen of 4x2 on larger displays. */
    static final int CARD_COUNT = 8;
    /** How long a request body may take to arrive ({@link SlowBodies}); the pages send theirs at once. */
    static final java.time.Duration BODY_DEADLINE = java.time.Duration.ofSeconds(5);

    private final SseHub hub;
    private final LiveState live;
    private final Javalin app;
    private volatile java.util.function.Supplier<java.util.Optional<String>> adminAddress = java.util.Optional::empty;
    private volatile boolean someoneThere = true;

    /** A server whose camera indicator shows "on": the appliance only serves the kiosk with its camera running. */
    public WebServer(MoodFeed moodFeed, Recommender recommender, Player player, ArtworkStore artworkStore,
                     TrackLookup tracks, String host, int port) {
        this(moodFeed, recommender, player, artworkStore, tracks, () -> true, host, port);
    }

    /**
     * @param cameraOn what the "camera on" indicator shows; the page tells people when the camera watches
     * @param port     0 picks a free port; {@link #port()} tells which
     */
    public WebServer(MoodFeed moodFeed, Recommender recommender, Player player, ArtworkStore artworkStore,
                     TrackLookup tracks, BooleanSupplier cameraOn, String host, int port) {
        this(moodFeed, recommender, player, artworkStore, tracks, cameraOn, null, null, host, port);
    }

    /**
     * With the owner's admin API on {@code /admin/api} (sign-in and settings). Without a settings store
     * (the constructors above) the admin page stays the read-only status page.
     */
    public WebServer(MoodFeed moodFeed, Recommender recommender, Player player, ArtworkStore artworkStore,
                     TrackLookup tracks, BooleanSupplier cameraOn, SettingsStore settings, AdminSecrets secrets,
                     String host, int port) {
        this(moodFeed, recommender, player, artworkStore, tracks, cameraOn, settings, secrets, host, port,
                KioskOnly::isLoopback);
    }

    /**
     * @param kioskClient which client addresses count as the kiosk screen (the box itself: loopback). Tests
     *                    narrow it to one loopback address so a second one can play "a phone on the network"
     *                    without any traffic leaving the loopback interface.
     */
    WebServer(MoodFeed moodFeed, Recommender recommender, Player player, ArtworkStore artworkStore,
              TrackLookup tracks, BooleanSupplier cameraOn, SettingsStore settings, AdminSecrets secrets,
              String host, int port, java.util.function.Predicate<String> kioskClient) {
        this(moodFeed, recommender, player, artworkStore, tracks, cameraOn, settings, secrets, RoomLinks.none(),
                host, port, kioskClient);
    }

    /**
     * With the owner's full admin (status, camera, library, artists) and the kiosk's likes and skips, as the
     * appliance serves them.
     */
    public WebServer(MoodFeed moodFeed, Recommender recommender, Player player, ArtworkStore artworkStore,
                     TrackLookup tracks, BooleanSupplier cameraOn, SettingsStore settings, AdminSecrets secrets,
                     RoomLinks links, String host, int port) {
        this(moodFeed, recommender, player, artworkStore, tracks, cameraOn, settings, secrets, links, host, port,
                KioskOnly::isLoopback);
    }

    WebServer(MoodFeed moodFeed, Recommender recommender, Player player, ArtworkStore artworkStore,
              TrackLookup tracks, BooleanSupplier cameraOn, SettingsStore settings, AdminSecrets secrets,
              RoomLinks links, String host, int port, java.util.function.Predicate<String> kioskClient) {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(moodFeed, "moodFeed");
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(artworkStore, "artworkStore");
        Objects.requireNonNull(tracks, "tracks");
        Objects.requireNonNull(cameraOn, "cameraOn");
        Objects.requireNonNull(host, "host");
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // A body is exactly one JSON value: {"volumeCap":0.5}{"x":1} is refused, not half-read.
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.hub = new SseHub(json);
        this.live = new LiveState(moodFeed, recommender, player, hub, CARD_COUNT);
        live.start();
        if (settings != null) {
            // After the store saved (it updates current() before telling listeners), so new cards see the new filter.
            settings.subscribe(saved -> live.settingsChanged(KioskSettingsView.of(saved)));
        }
        ApiRoutes api = new ApiRoutes(live, moodFeed, player, tracks, hub, json, cameraOn,
                settings == null ? null : () -> KioskSettingsView.of(settings.current()));
        // The queue's routes exist when the player has a queue (the appliance's does); the constructors stay as
        // they are for every caller.
        QueueRoutes queue = player instanceof org.moodbox.playback.PlaybackQueue q
                ? new QueueRoutes(q, live, tracks, json) : null;
        if (queue != null) {
            queue.clearOnMoodChange(moodFeed);
        }
        ArtworkRoute artwork = new ArtworkRoute(tracks, artworkStore);
        KioskPlaybackRoutes kioskPlayback = new KioskPlaybackRoutes(live, player, links.feedback(), json);
        AdminRoutes admin = settings == null ? null
                : new AdminRoutes(settings, Objects.requireNonNull(secrets, "secrets"), new PasswordHasher(),
                        Clock.systemUTC(), json);
        if (links.library() != null) {
            links.library().onFinished(live::catalogChanged);
        }
        HandoffRoutes handoffRoutes = new HandoffRoutes(tracks, links.handoff());
        YoutubeAdminRoutes youtubeAdmin = admin == null || links.handoff().youtube() == null ? null
                : new YoutubeAdminRoutes(links.handoff().youtube(), links.handoff().youtubeKey(), admin::signedIn, json,
                        live::refresh);
        // The owner's language per artist, when the catalog behind the artwork keeps them (the appliance's does).
        ArtistLanguageRoutes artistLanguages = admin != null && artworkStore instanceof ArtistLanguages languages
                ? new ArtistLanguageRoutes(languages, admin, live, json) : null;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.host = host;
            config.jetty.port = port;
            SlowBodies.install(config, BODY_DEADLINE);
            ApiErrors.install(config);
            new HostCheck(host, HostCheck.systemHostName(), () -> adminAddress.get()).install(config);
            KioskOnly.install(config, kioskClient);
            PageRoutes.install(config);
            api.register(config.routes);
            kioskPlayback.register(config.routes);
            if (queue != null) {
                queue.register(config.routes);
            }
            config.routes.get("/api/artwork/{id}", artwork::handle);
            if (admin != null) {
                admin.register(config.routes);
                OwnerGate gate = admin.gate();
                new AdminStatusRoutes(gate, live, tracks, cameraOn, links.vision(),
                        org.moodbox.device.CpuTemperature.SYS_THERMAL).register(config.routes);
                new AdminCameraRoutes(gate, links.preview(), links.vision(), java.nio.file.Path.of("/dev"))
                        .register(config.routes);
                new AdminLibraryRoutes(gate, links.library(), links.installerFolders(), tracks)
                        .register(config.routes);
                new AdminChoicesRoutes(gate, links.artists()).register(config.routes);
                if (queue != null) {
                    queue.registerOwner(config.routes, gate::check);
                }
            }
            handoffRoutes.register(config.routes);
            if (youtubeAdmin != null) {
                youtubeAdmin.register(config.routes);
            }
            for (WebExtension extension : links.extensions()) {
                extension.register(config.routes, admin != null ? admin::signedIn : ctx -> {
                    throw new ApiException(401, "this server has no admin sign-in");
                });
            }
            if (artistLanguages != null) {
                artistLanguages.register(config.routes);
            }
            new BoxRoutes(() -> adminAddress.get(), () -> secrets != null && secrets.adminPassword().isPresent(),
                    () -> someoneThere, kioskClient).register(config.routes);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            live.close();
            hub.close();
            throw new IllegalStateException("cannot start the web server on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        LOG.info("kiosk at http://{}:{}/ , admin page at /admin", host, port());
    }

    /** Where the owner's page is reached from a phone, shown on the kiosk screen (empty: not shown). */
    public void adminAddress(java.util.function.Supplier<java.util.Optional<String>> address) {
        this.adminAddress = Objects.requireNonNull(address, "address");
    }

    /** The presence sensor's word: the kiosk screen sleeps while nobody is there and wakes when someone comes. */
    public void presence(boolean present) {
        someoneThere = present;
        hub.broadcast("presence", java.util.Map.of("present", present));
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** Open event streams; for tests and the admin page's diagnostics. */
    int liveClients() {
        return hub.clientCount();
    }

    @Override
    public void close() {
        live.close();
        hub.close();
        app.stop();
    }
}
