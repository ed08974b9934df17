package org.moodbox.web;

import org.moodbox.web.kiosk.ApiRoutes;
import org.moodbox.web.kiosk.ArtworkRoute;
import org.moodbox.web.kiosk.BoxRoutes;
import org.moodbox.web.kiosk.KioskOnly;
import org.moodbox.web.kiosk.KioskPlaybackRoutes;
import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.KioskRooms;
import org.moodbox.web.shared.LiveState;
import org.moodbox.web.shared.OwnerSignIn;
import org.moodbox.web.shared.SseHub;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebJson;
import org.moodbox.web.shared.WebRoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** An endpoint as registered (no before/after handlers), and whether it declared the owner's role. */
    record Route(HandlerType method, String path, boolean ownerOnly) {
    }

    /**
     * The kiosk's routes on {@code kiosk}, and whatever the extensions add: the owner's sign-in (at most one
     * {@link OwnerSignIn}) and sections, the queue, the hand-over, Spotify, YouTube, in the order given.
     */
    public WebServer(KioskRooms kiosk, ServerOptions options, List<WebExtension> extensions) {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(options, "options");
        List<WebExtension> added = List.copyOf(extensions);
        List<OwnerSignIn> signIns = added.stream().filter(OwnerSignIn.class::isInstance)
                .map(OwnerSignIn.class::cast).toList();
        if (signIns.size() > 1) {
            throw new IllegalArgumentException("a web server has one owner's sign-in, not " + signIns.size());
        }
        OwnerSignIn owner = signIns.isEmpty() ? null : signIns.get(0);
        ObjectMapper json = WebJson.mapper();
        this.hub = new SseHub(json);
        this.live = new LiveState(kiosk.moodFeed(), kiosk.recommender(), kiosk.player(), hub, CARD_COUNT);
        live.start();
        WebRoom room = new WebRoom(kiosk, live);
        ApiRoutes api = new ApiRoutes(live, kiosk.moodFeed(), kiosk.player(), kiosk.tracks(), hub, json,
                kiosk.cameraOn(), owner == null ? null : owner::kioskSettings);
        KioskPlaybackRoutes kioskPlayback = new KioskPlaybackRoutes(live, kiosk.player(), kiosk.feedback(), json);
        ArtworkRoute artwork = new ArtworkRoute(kiosk.tracks(), kiosk.artwork());
        String host = options.host();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.host = host;
            config.jetty.port = options.port();
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(handler.getHttpMethod(), handler.getPath(),
                            handler.getRoles().contains(Access.OWNER)));
                }
            });
            SlowBodies.install(config, BODY_DEADLINE);
            ApiErrors.install(config);
            new HostCheck(host, HostCheck.systemHostName(), () -> adminAddress.get()).install(config);
            KioskOnly.install(config, options.kioskClient());
            PageRoutes.install(config);
            // The owner's role, checked once for every route that declares it; CSRF and origin were checked
            // before, by the sign-in's guard on /admin/api/*.
            config.routes.beforeMatched(ctx -> {
                if (ctx.routeRoles().contains(Access.OWNER)) {
                    if (owner == null) {
                        throw new ApiException(401, "this server has no admin sign-in");
                    }
                    owner.requireSignedIn(ctx);
                }
            });
            api.register(config.routes);
            kioskPlayback.register(config.routes);
            config.routes.get("/api/artwork/{id}", artwork::handle);
            for (WebExtension extension : added) {
                extension.register(config.routes, room);
            }
            new BoxRoutes(() -> adminAddress.get(), () -> owner != null && owner.passwordSet(),
                    () -> someoneThere, options.kioskClient()).register(config.routes);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            live.close();
            hub.close();
            throw new IllegalStateException("cannot start the web server on " + host + ":" + options.port() + ": "
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

    /** Every route this server answers, with whether it is the owner's; for the tests that check the roles. */
    List<Route> routes() {
        return List.copyOf(routes);
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
