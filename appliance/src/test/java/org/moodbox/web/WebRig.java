package org.moodbox.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.moodbox.device.CpuTemperature;
import org.moodbox.playback.Player;
import org.moodbox.recommend.Recommender;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;
import org.moodbox.settings.YoutubeSettings;
import org.moodbox.web.admin.AdminCameraRoutes;
import org.moodbox.web.admin.AdminChoicesRoutes;
import org.moodbox.web.admin.AdminLibraryRoutes;
import org.moodbox.web.admin.AdminRoutes;
import org.moodbox.web.admin.AdminStatusRoutes;
import org.moodbox.web.admin.ArtistLanguageRoutes;
import org.moodbox.web.kiosk.HandoffRoutes;
import org.moodbox.web.kiosk.KioskOnly;
import org.moodbox.web.shared.ArtistDirectory;
import org.moodbox.web.shared.Handoff;
import org.moodbox.web.shared.KioskRooms;
import org.moodbox.web.shared.TrackFeedback;
import org.moodbox.web.shared.WebExtension;

/**
 * The web tests' one rig: a {@link WebServer} on real rooms ({@link RealRooms}: a SQLite catalog of generated
 * audio, the mood tracker, the mood recommender, the local file player on the null sink), with the owner's
 * settings and secrets in a data folder, started on 127.0.0.1 and port 0, and everything closed and deleted
 * after each test.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * final WebRig rig = WebRig.withOwner();   // or WebRig.kioskOnly()
 * </pre>
 *
 * The rooms and the server start on first use, so a test (or its {@code @BeforeEach}) may first change what
 * the server gets: another host, kiosk client, player, recommender or data folder, and sections in place of
 * the defaults ({@link #with}, replacing a default of the same class). Everything it hands to
 * {@link #closeAfter} is closed after the server and before the rooms.
 */
public final class WebRig implements BeforeEachCallback, AfterEachCallback {
    private final boolean withOwnerByDefault;
    private Function<SettingsStore, Supplier<TrackFilter>> filters = settings -> () -> TrackFilter.ANY;

    // Per test: reset before each.
    private boolean withOwner;
    private Path folder;
    private Path root;
    private String host;
    private Predicate<String> kioskClient;
    private Player player;
    private Recommender recommender;
    private final Map<Class<?>, WebExtension> chosen = new LinkedHashMap<>();
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private RealRooms rooms;
    private SettingsStore settings;
    private AdminSecrets secrets;
    private WebServer server;

    private WebRig(boolean withOwner) {
        this.withOwnerByDefault = withOwner;
    }

    /** The kiosk's server alone: no owner's sign-in, so every owner route answers 401. */
    public static WebRig kioskOnly() {
        return new WebRig(false);
    }

    /** With the owner's sign-in and every owner's section (no vision loop, no library scan behind them). */
    public static WebRig withOwner() {
        return new WebRig(true);
    }

    /** The recommender's filter, read per request from what {@code filters} makes of the owner's settings. */
    public WebRig filters(Function<SettingsStore, Supplier<TrackFilter>> filters) {
        this.filters = Objects.requireNonNull(filters);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("moodbox-web-");
        root = folder;
        withOwner = withOwnerByDefault;
        host = "127.0.0.1";
        kioskClient = KioskOnly::isLoopback;
    }

    // --- before the server starts ----------------------------------------------------------------------------

    /** Rooms and data in {@code newRoot} instead of the rig's own folder (a small tmpfs, say). */
    public WebRig root(Path newRoot) {
        requireNotStarted(rooms == null && settings == null, "the rooms");
        this.root = newRoot;
        return this;
    }

    /** Bound to {@code address}: 0.0.0.0 as for phone access, or another loopback address. */
    public WebRig host(String address) {
        requireNotStarted(server == null, "the server");
        this.host = address;
        return this;
    }

    /** Which client addresses count as the kiosk screen (default: loopback). */
    public WebRig kioskClient(Predicate<String> client) {
        requireNotStarted(server == null, "the server");
        this.kioskClient = client;
        return this;
    }

    /** The server without the owner's sign-in and sections, for this test. */
    public WebRig withoutOwner() {
        requireNotStarted(server == null, "the server");
        this.withOwner = false;
        return this;
    }

    /** The kiosk's player (a queue around the rooms' player, say). */
    public WebRig player(Player kioskPlayer) {
        requireNotStarted(server == null, "the server");
        this.player = kioskPlayer;
        return this;
    }

    /** The kiosk's recommender (one with online sources around the rooms' one, say). */
    public WebRig recommender(Recommender kioskRecommender) {
        requireNotStarted(server == null, "the server");
        this.recommender = kioskRecommender;
        return this;
    }

    /** This section in place of the default one of its class, or in addition when there is none. */
    public WebRig with(WebExtension section) {
        requireNotStarted(server == null, "the server");
        chosen.put(section.getClass(), section);
        return this;
    }

    /** Closed after the test, after the server and before the rooms (a scan, a vision loop, a fake service). */
    public <T extends AutoCloseable> T closeAfter(T closeable) {
        closeables.push(closeable);
        return closeable;
    }

    // --- what the tests use ----------------------------------------------------------------------------------

    public RealRooms rooms() {
        if (rooms == null) {
            rooms = unchecked(() -> RealRooms.in(root, filters.apply(settings())));
        }
        return rooms;
    }

    /** The folder the rooms live in: the catalog and its generated audio in {@code music/}. */
    public Path folder() {
        return root;
    }

    /** The owner's data folder: settings.json and the secrets. */
    public Path data() {
        return unchecked(() -> Files.createDirectories(root.resolve("data")));
    }

    public SettingsStore settings() {
        if (settings == null) {
            settings = SettingsStore.open(data());
        }
        return settings;
    }

    public AdminSecrets secrets() {
        if (secrets == null) {
            secrets = AdminSecrets.open(data());
        }
        return secrets;
    }

    /** The server, started on first use with what was chosen so far. */
    public WebServer server() {
        if (server == null) {
            server = start(settings(), secrets());
        }
        return server;
    }

    /** Closes the server (a box going down); the next {@link #server()} starts another, with new choices. */
    public void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** A second server on the same rooms, the owner's settings and secrets in {@code dataDir}; closed after. */
    public WebServer anotherServer(Path dataDir) {
        return closeAfter(start(SettingsStore.open(dataDir), AdminSecrets.open(dataDir)));
    }

    public int port() {
        return server().port();
    }

    /** {@code http://host:port} of the server, for clients. */
    public String base() {
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
    }

    private WebServer start(SettingsStore ownerSettings, AdminSecrets ownerSecrets) {
        RealRooms r = rooms();
        KioskRooms kiosk = new KioskRooms(r.moodTracker, recommender == null ? r.recommender : recommender,
                player == null ? r.player : player, r.catalog, r.trackLookup(), () -> true,
                TrackFeedback.of(r.catalog));
        return new WebServer(kiosk, new ServerOptions(host, 0, kioskClient), sections(ownerSettings, ownerSecrets));
    }

    /** The defaults, each replaced by a chosen section of its class; chosen ones of other classes after them. */
    private List<WebExtension> sections(SettingsStore ownerSettings, AdminSecrets ownerSecrets) {
        Map<Class<?>, WebExtension> all = new LinkedHashMap<>();
        if (withOwner) {
            all.put(AdminRoutes.class, new AdminRoutes(ownerSettings, ownerSecrets, Clock.systemUTC()));
            all.put(AdminStatusRoutes.class, new AdminStatusRoutes(null, CpuTemperature.SYS_THERMAL));
            all.put(AdminCameraRoutes.class, new AdminCameraRoutes(null, null, Path.of("/dev")));
            all.put(AdminLibraryRoutes.class, new AdminLibraryRoutes(null, List::of));
            all.put(AdminChoicesRoutes.class, new AdminChoicesRoutes(ArtistDirectory.of(rooms.catalog)));
            all.put(ArtistLanguageRoutes.class, new ArtistLanguageRoutes(rooms.catalog));
        }
        // QR codes open YouTube searches (the default setting); no online sources.
        all.put(HandoffRoutes.class, new HandoffRoutes(
                new Handoff(() -> YoutubeSettings.defaults().phoneLink(), List.of())));
        all.putAll(chosen);
        return List.copyOf(all.values());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        Deque<AutoCloseable> order = new ArrayDeque<>();
        if (server != null) {
            order.add(server);
        }
        order.addAll(closeables);
        if (rooms != null) {
            order.add(rooms);
        }
        for (AutoCloseable c : order) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        server = null;
        rooms = null;
        settings = null;
        secrets = null;
        player = null;
        recommender = null;
        chosen.clear();
        closeables.clear();
        deleteQuietly(folder);
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // A file still held open on some file system stays behind in /tmp; the next test does not care.
        }
    }

    private static void requireNotStarted(boolean notYet, String what) {
        if (!notYet) {
            throw new IllegalStateException(what + " already started; choose before the first use");
        }
    }

    private interface Step<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Step<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
