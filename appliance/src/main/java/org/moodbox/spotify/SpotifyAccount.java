package org.moodbox.spotify;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.model_objects.specification.User;

/**
 * The owner's Spotify link: Authorization Code with PKCE, tokens kept in {@link SpotifyAccountFile} and
 * refreshed ahead of expiry.
 *
 * <p>Spotify allows plain-http redirect URIs only for loopback IPs, so the redirect goes to
 * {@code http://127.0.0.1:PORT/admin/spotify/callback}. On the kiosk screen (the box's own browser) that lands
 * on this server and the link completes by itself; on a phone the browser shows an error page for 127.0.0.1,
 * and the owner pastes its address back into the admin page ({@link #finishLink(String)}).
 */
public final class SpotifyAccount {
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyAccount.class);
    /** Search, the user's library and playlists, and Connect playback control. */
    static final String SCOPES = "user-read-private user-library-read playlist-read-private "
            + "playlist-read-collaborative user-read-playback-state user-modify-playback-state";
    /** Refresh this long before the hour runs out, so no call starts with a token about to die. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    /** A consent left unfinished this long is forgotten (Spotify's codes live ten minutes anyway). */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);

    private final SpotifyAccountFile file;
    private final Supplier<Optional<SpotifyApp>> suppliedApp;
    private final AccountsClient accounts;
    private final SpotifyApis apis;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private SpotifyAccountFile.Contents contents;
    private PendingLink pending;
    /** Why the saved link was set aside at start (a corrupt file); shown until the owner saves a new one. */
    private String setAside;

    private record PendingLink(Pkce pkce, URI redirectUri, SpotifyApp app, Instant started) {
    }

    SpotifyAccount(Path dataDir, Supplier<Optional<SpotifyApp>> suppliedApp, AccountsClient accounts,
                   SpotifyApis apis, Clock clock) {
        this.file = new SpotifyAccountFile(dataDir);
        this.suppliedApp = suppliedApp;
        this.accounts = accounts;
        this.apis = apis;
        this.clock = clock;
        this.contents = file.read();
        this.setAside = file.setAside().orElse(null);
    }

    /** Told after every change of link state (linked, unlinked, revoked). */
    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    /** The app the admin page entered wins over the installer's file and the environment. */
    public synchronized Optional<SpotifyApp> app() {
        return contents.app() != null ? Optional.of(contents.app()) : suppliedApp.get();
    }

    public synchronized SpotifyLinkStatus status() {
        SpotifyLinkStatus status = currentStatus();
        return setAside == null ? status : new SpotifyLinkStatus(status.state(), status.userName(), status.product(),
                status.clientId(), status.appOrigin(), status.linkPending(), setAside + " " + status.message());
    }

    /** Writes the link; the owner has now saved one of their own, so a file set aside at start is old news. */
    private void save() {
        file.write(contents);
        setAside = null;
    }

    private SpotifyLinkStatus currentStatus() {
        Optional<SpotifyApp> app = app();
        String clientId = app.map(SpotifyApp::clientId).orElse(null);
        String origin = app.map(SpotifyApp::origin).orElse(null);
        boolean linking = pendingLink().isPresent();
        if (app.isEmpty()) {
            return new SpotifyLinkStatus(SpotifyLinkStatus.State.NOT_CONFIGURED, null, null, null, null, false,
                    "Enter the client id of your Spotify app (developer dashboard) to link an account.");
        }
        if (contents.revokedReason() != null) {
            return new SpotifyLinkStatus(SpotifyLinkStatus.State.REVOKED, contents.userName(), contents.product(),
                    clientId, origin, linking, "Spotify no longer accepts this link (" + contents.revokedReason()
                    + "). Link the account again.");
        }
        if (contents.tokens() == null) {
            return new SpotifyLinkStatus(SpotifyLinkStatus.State.NOT_LINKED, null, null, clientId, origin, linking,
                    "No Spotify account is linked.");
        }
        return new SpotifyLinkStatus(SpotifyLinkStatus.State.LINKED, contents.userName(), contents.product(),
                clientId, origin, linking, "Linked as " + contents.userName()
                + ("premium".equals(contents.product()) ? " (Premium)." : " (not Premium: search works, "
                + "playback control needs Premium)."));
    }

    public boolean linked() {
        return status().state() == SpotifyLinkStatus.State.LINKED;
    }

    /** Stores the app typed on the admin page (a new client id invalidates the old link). */
    public synchronized void setApp(String clientId, String clientSecret) {
        SpotifyApp app = new SpotifyApp(clientId, clientSecret, "admin page");
        boolean sameClient = app().map(a -> a.clientId().equals(app.clientId())).orElse(false);
        contents = sameClient ? contents.withApp(app) : new SpotifyAccountFile.Contents(app, null, null, null, null, null);
        save();
        pending = null;
        LOG.info("Spotify app set on the admin page: {}", app);
        changed();
    }

    /** Starts a link: remembers a fresh PKCE verifier and returns the consent page's address. */
    public synchronized URI startLink(URI redirectUri) {
        SpotifyApp app = app().orElseThrow(() -> new SpotifyException(SpotifyException.Kind.NOT_LINKED,
                "enter the Spotify app's client id first"));
        if (!isLoopbackHttp(redirectUri)) {
            throw new IllegalArgumentException("Spotify accepts plain-http redirects only to a loopback IP "
                    + "(http://127.0.0.1:PORT/...), got " + redirectUri);
        }
        Pkce pkce = Pkce.create();
        pending = new PendingLink(pkce, redirectUri, app, clock.instant());
        return accounts.authorizeUri(app, redirectUri, pkce, SCOPES);
    }

    /**
     * Finishes a link from the address Spotify redirected to (pasted from the phone, or the callback itself):
     * checks the state, trades the code and verifier for tokens, asks who this is, and stores it all.
     */
    public SpotifyLinkStatus finishLink(String redirectedTo) {
        PendingLink link;
        Map<String, String> query;
        synchronized (this) {
            link = pendingLink().orElseThrow(() -> new IllegalArgumentException(
                    "no link was started here (or it is older than 15 minutes); press 'Link Spotify' again"));
            query = queryOf(redirectedTo);
            // The state first: an old attempt's address (even a cancelled one) must not end the newest attempt.
            if (!link.pkce().state().equals(query.get("state"))) {
                throw new IllegalArgumentException("this address is not the answer to the link started here "
                        + "(its state does not match); paste the whole address of the newest attempt");
            }
            if (query.containsKey("error")) {
                pending = null;
                throw new IllegalArgumentException("Spotify did not link the account: " + query.get("error")
                        + ("access_denied".equals(query.get("error")) ? " (you pressed Cancel)" : ""));
            }
            if (query.get("code") == null || query.get("code").isBlank()) {
                throw new IllegalArgumentException("the address has no 'code'; paste the whole address Spotify "
                        + "sent the browser to");
            }
            pending = null; // a code is single-use: whatever happens next, this attempt is spent
        }
        SpotifyTokens tokens = accounts.exchange(link.app(), query.get("code"), link.redirectUri(),
                link.pkce().verifier());
        User me;
        try {
            me = apis.withToken(tokens.accessToken()).getCurrentUsersProfile().build().execute();
        } catch (Exception e) {
            throw new SpotifyException(SpotifyException.Kind.UNAVAILABLE,
                    "the account was approved, but asking Spotify who it is failed: " + e.getMessage(), null, e);
        }
        String name = me.getDisplayName() == null || me.getDisplayName().isBlank() ? me.getId() : me.getDisplayName();
        String product = me.getProduct() == null ? null : me.getProduct().getType();
        synchronized (this) {
            SpotifyApp app = contents.app() != null ? contents.app() : null;
            contents = new SpotifyAccountFile.Contents(app, tokens, me.getId(), name, product, null);
            save();
        }
        LOG.info("Spotify linked as {} ({})", name, product);
        changed();
        return status();
    }

    public void unlink() {
        synchronized (this) {
            contents = new SpotifyAccountFile.Contents(contents.app(), null, null, null, null, null);
            pending = null;
            save();
        }
        LOG.info("Spotify unlinked on the admin page");
        changed();
    }

    /** A valid access token, refreshed first when it is about to expire. */
    public String accessToken() {
        SpotifyTokens tokens;
        synchronized (this) {
            tokens = usableTokens();
            if (tokens.expiresAt().isAfter(clock.instant().plus(REFRESH_AHEAD)) && tokens.accessToken() != null) {
                return tokens.accessToken();
            }
        }
        return refreshNow(tokens.accessToken()).accessToken();
    }

    /**
     * Refreshes unless another thread already did since {@code staleToken} was handed out. A refused refresh
     * marks the link revoked (the owner removed the app's access, or changed the client id).
     */
    public synchronized SpotifyTokens refreshNow(String staleToken) {
        SpotifyTokens tokens = usableTokens();
        if (staleToken != null && !staleToken.equals(tokens.accessToken())) {
            return tokens;
        }
        SpotifyApp app = app().orElseThrow(() -> new SpotifyException(SpotifyException.Kind.NOT_LINKED,
                "no Spotify app configured"));
        try {
            SpotifyTokens fresh = accounts.refresh(app, tokens.refreshToken());
            contents = contents.withTokens(fresh);
            save();
            return fresh;
        } catch (SpotifyException e) {
            if (e.kind() == SpotifyException.Kind.RELINK) {
                markRevoked(e.getMessage());
            }
            throw e;
        }
    }

    /** Access is gone for good until the owner links again; said on the admin page and the kiosk. */
    public void markRevoked(String reason) {
        synchronized (this) {
            if (contents.tokens() == null && contents.revokedReason() != null) {
                return;
            }
            contents = new SpotifyAccountFile.Contents(contents.app(), null, contents.userId(), contents.userName(),
                    contents.product(), reason);
            save();
        }
        LOG.warn("Spotify access revoked: {}", reason);
        changed();
    }

    private SpotifyTokens usableTokens() {
        if (contents.tokens() == null) {
            throw new SpotifyException(SpotifyException.Kind.NOT_LINKED, contents.revokedReason() != null
                    ? "Spotify access was revoked; link the account again" : "no Spotify account is linked");
        }
        return contents.tokens();
    }

    private Optional<PendingLink> pendingLink() {
        if (pending != null && pending.started().plus(PENDING_LIFETIME).isBefore(clock.instant())) {
            pending = null;
        }
        return Optional.ofNullable(pending);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    static boolean isLoopbackHttp(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return false;
        }
        if ("https".equals(uri.getScheme())) {
            return true;
        }
        String host = uri.getHost();
        return "http".equals(uri.getScheme()) && (host.matches("127(\\.\\d{1,3}){3}") || "[::1]".equals(host));
    }

    /** The query of a pasted address; tolerant of spaces around it and of a missing scheme. */
    static Map<String, String> queryOf(String address) {
        String s = address == null ? "" : address.trim();
        int q = s.indexOf('?');
        if (q < 0) {
            throw new IllegalArgumentException("paste the whole address from the browser's address bar "
                    + "(it starts with http://127.0.0.1 and contains ?code=...)");
        }
        String query = s.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
