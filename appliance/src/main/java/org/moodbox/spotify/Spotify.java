package org.moodbox.spotify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.moodbox.catalog.CandidateCache;
import org.moodbox.catalog.Catalog;
import org.moodbox.spotify.librespot.LibrespotState;
import org.moodbox.spotify.librespot.LibrespotSupervisor;
import org.moodbox.settings.Settings;

/**
 * The Spotify room, put together: the account link, the guarded Web API, the candidates for the cards, the
 * Connect player, and (when its jar is installed) the box's own librespot device. The composition root makes
 * one; the web room shows it; the recommender reads its candidates; the router plays its tracks.
 */
public final class Spotify implements AutoCloseable {
    /** Spotify's calls give up after this long; the kiosk never waits for them anyway. */
    public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(8);

    private final SpotifyAccount account;
    private final SpotifyWeb web;
    private final SpotifyCandidates candidates;
    private final ConnectPlayer player;
    private final LibrespotSupervisor librespot;
    private volatile boolean librespotStarted;

    private Spotify(SpotifyAccount account, SpotifyWeb web, SpotifyCandidates candidates, ConnectPlayer player,
                    LibrespotSupervisor librespot) {
        this.account = account;
        this.web = web;
        this.candidates = candidates;
        this.player = player;
        this.librespot = librespot;
    }

    /**
     * @param librespot the box's own Connect device, or null where librespot is not installed
     * @param betweenCalls pause between a sweep's calls (politeness toward a development-mode quota)
     */
    public static Spotify open(Path dataDir, Catalog catalog, Supplier<Settings> settings, SpotifyEndpoints endpoints,
                               Map<String, String> environment, Clock clock, Duration timeout, Duration betweenCalls,
                               double volume, double volumeCap, LibrespotSupervisor librespot) {
        SpotifyApis apis = new SpotifyApis(endpoints, timeout);
        SpotifyAccount account = new SpotifyAccount(dataDir, () -> SpotifyApp.supplied(dataDir, environment),
                new AccountsClient(endpoints, timeout, clock), apis, clock);
        SpotifyWeb web = new SpotifyWeb(account, apis, new SpotifyHealth(clock), clock,
                d -> Thread.sleep(d.toMillis()));
        SpotifyCandidates candidates = new SpotifyCandidates(web, new CandidateCache(catalog, SpotifyCandidates.SOURCE),
                settings, clock, betweenCalls, timeout);
        Supplier<Optional<String>> ownDevice = () -> librespot != null && librespot.state().canPlay()
                ? Optional.of(librespot.deviceName()) : Optional.empty();
        ConnectPlayer player = new ConnectPlayer(web, ownDevice, volume, volumeCap);
        return new Spotify(account, web, candidates, player, librespot);
    }

    /** Starts the background work: candidate sweeps and the librespot child process. */
    public void start() {
        candidates.start();
        if (librespot != null) {
            // Only with a linked account: Moodbox steers librespot through the Web API, and an unlinked box
            // should not announce a Connect device on the owner's network.
            if (account.linked()) {
                librespot.start();
            } else {
                account.subscribe(() -> {
                    if (account.linked() && librespot.starts() == 0 && !librespotStarted) {
                        librespotStarted = true;
                        librespot.start();
                    }
                });
            }
        }
    }

    public SpotifyAccount account() {
        return account;
    }

    public SpotifyHealth health() {
        return web.health();
    }

    public SpotifyWeb web() {
        return web;
    }

    public SpotifyCandidates candidates() {
        return candidates;
    }

    public ConnectPlayer player() {
        return player;
    }

    /**
     * What the kiosk and the admin page should say about Spotify, if anything: only when an account is linked
     * (or was, and lost access), since a box without Spotify has nothing to apologise for.
     */
    public Optional<String> notice() {
        SpotifyLinkStatus status = account.status();
        if (status.state() == SpotifyLinkStatus.State.REVOKED) {
            return Optional.of("Spotify access ended; the owner needs to link Spotify again on the admin page. "
                    + "Playing from your own library.");
        }
        if (status.state() != SpotifyLinkStatus.State.LINKED) {
            return Optional.empty();
        }
        return web.health().notice();
    }

    /** One sentence on how Spotify tracks are played. */
    public String playbackSummary() {
        if (librespot == null) {
            return "librespot is not installed here; Spotify tracks play on another Spotify Connect device (Premium).";
        }
        LibrespotState s = librespot.state();
        return s.canPlay() ? s.message() : s.message() + " Until then Spotify tracks play on another Spotify Connect "
                + "device (Premium), and your own library always works.";
    }

    @Override
    public void close() {
        candidates.close();
        player.close();
        if (librespot != null) {
            librespot.close();
        }
    }

    static List<String> javaCommand(Path jar) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar",
                jar.toString());
    }

    /** The box's own Connect device, when the build installed librespot's jar. */
    public static Optional<LibrespotSupervisor> librespotIfInstalled(Path dataDir, String deviceName, double volume,
                                                                     String alsaMixer) {
        return LibrespotSupervisor.bundledJar().map(jar -> new LibrespotSupervisor(
                new org.moodbox.spotify.librespot.LibrespotConfig(deviceName, dataDir.resolve("librespot"), 57621 + 2,
                        alsaMixer, volume),
                javaCommand(jar)));
    }
}
