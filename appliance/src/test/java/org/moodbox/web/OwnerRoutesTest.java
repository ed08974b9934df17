package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.device.CpuTemperature;
import org.moodbox.playback.QueuedPlayer;
import org.moodbox.spotify.FakeSpotify;
import org.moodbox.spotify.Spotify;
import org.moodbox.spotify.SpotifyEndpoints;
import org.moodbox.web.WebServer.Route;
import org.moodbox.web.admin.AdminStatusRoutes;
import org.moodbox.web.admin.SpotifyAdminRoutes;
import org.moodbox.web.kiosk.QueueRoutes;

/**
 * The owner's role is declared on every owner route and checked once, by the server: walked over the routes a
 * server with every section really registered, each {@code /admin/api} route but the sign-in's own declares
 * {@code OWNER}, nothing else does, and over real HTTP each answers 401 to a stranger (with a valid session and
 * CSRF token, so only the missing sign-in refuses it) and lets the signed-in owner through.
 */
class OwnerRoutesTest {
    private static final String PASSWORD = "correct horse battery";
    /** The sign-in's own routes: a stranger must reach these to sign in at all. */
    private static final Set<String> SIGN_IN = Set.of("/admin/api/session", "/admin/api/setup", "/admin/api/signin",
            "/admin/api/signout");

    @RegisterExtension
    final WebRig rig = WebRig.withOwner();

    @Test
    void everyOwnerRouteDeclaresTheRoleAndAStrangerGets401FromEach() throws Exception {
        WebServer server = serverWithEverySection();
        List<Route> routes = server.routes();
        List<Route> admin = routes.stream().filter(r -> r.path().startsWith("/admin/api/")).toList();
        List<Route> owner = admin.stream().filter(r -> !SIGN_IN.contains(r.path())).toList();

        assertThat(owner).as("owner routes").allMatch(Route::ownerOnly);
        assertThat(routes).filteredOn(Route::ownerOnly).as("only owner routes declare the role")
                .allMatch(r -> r.path().startsWith("/admin/api/") && !SIGN_IN.contains(r.path()));
        assertThat(owner).extracting(Route::path).as("every section is there, so the walk covers them").contains(
                "/admin/api/settings", "/admin/api/password", "/admin/api/status", "/admin/api/cameras",
                "/admin/api/camera/preview", "/admin/api/library", "/admin/api/library/rescan",
                "/admin/api/choices", "/admin/api/artists", "/admin/api/artist-languages", "/admin/api/queue",
                "/admin/api/youtube", "/admin/api/youtube/key", "/admin/api/spotify", "/admin/api/spotify/link");

        AdminClient stranger = new AdminClient(server.port());
        stranger.openSession();
        for (Route route : owner) {
            AdminClient.Reply reply = call(stranger, route);
            assertThat(reply.status()).as(route + ": " + reply).isEqualTo(401);
            assertThat(reply.json().path("error").asText()).as(route.toString()).isEqualTo("sign in first");
        }

        AdminClient ownerPhone = new AdminClient(server.port());
        ownerPhone.setUp(PASSWORD);
        for (Route route : owner) {
            AdminClient.Reply reply = call(ownerPhone, route);
            assertThat(reply.status()).as(route + ": " + reply).isNotIn(401, 403);
        }
    }

    @Test
    void withoutASignInEveryOwnerRouteAnswers401WithASentence() throws Exception {
        rig.withoutOwner().with(new AdminStatusRoutes(null, CpuTemperature.SYS_THERMAL));
        AdminClient phone = new AdminClient(rig.port());
        AdminClient.Reply status = phone.get("/admin/api/status");
        assertThat(status.status()).isEqualTo(401);
        assertThat(status.json().path("error").asText()).isEqualTo("this server has no admin sign-in");
        assertThat(phone.get("/admin/api/session").status()).as("no sign-in routes either").isEqualTo(404);
    }

    /** The owner's sections as the appliance has them: queue, YouTube and Spotify on top of the defaults. */
    private WebServer serverWithEverySection() {
        RealRooms rooms = rig.rooms();
        QueuedPlayer queue = new QueuedPlayer(rooms.player, Optional::empty);
        FakeSpotify fake = rig.closeAfter(new FakeSpotify());
        Spotify spotify = rig.closeAfter(Spotify.open(rig.data(), rooms.catalog, rig.settings()::current,
                SpotifyEndpoints.at(fake.base()), Map.of(), Clock.systemUTC(), Duration.ofSeconds(2), Duration.ZERO,
                0.8, 0.8, null));
        rig.player(queue).with(new QueueRoutes(queue)).with(new SpotifyAdminRoutes(spotify));
        return YoutubeRooms.start(rig).server;
    }

    /** The route's method with an empty JSON object where a body goes, and the client's session and token. */
    private static AdminClient.Reply call(AdminClient client, Route route) throws Exception {
        HttpRequest.Builder request = client.withCsrf(route.path());
        HttpRequest.BodyPublisher empty = HttpRequest.BodyPublishers.ofString("{}");
        if (route.method() == HandlerType.GET) {
            request.GET();
        } else if (route.method() == HandlerType.DELETE) {
            request.DELETE();
        } else {
            request.method(route.method().name(), empty);
        }
        return client.send(request);
    }

}
