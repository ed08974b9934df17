package org.moodbox.web.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admin sessions in memory, found by a random 256-bit token in the {@value #COOKIE} cookie. A restart signs
 * everybody out, which is fine for one owner and means no session secret ever touches the SD card.
 *
 * <p>The cookie is {@code HttpOnly} (page scripts cannot read it), {@code SameSite=Strict} (other sites'
 * pages cannot make the browser send it) and {@code Path=/admin} (the kiosk's pages never see it). It cannot be
 * {@code Secure}: the box serves plain http on the home LAN (there is no certificate a phone would trust for
 * a LAN address), and browsers drop Secure cookies on http, so the owner could never sign in.
 */
public final class AdminSessions {
    public static final String COOKIE = "moodbox_admin";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Bounds memory when something keeps opening the page; the oldest signed-out sessions go first. */
    public static final int MAX_ANONYMOUS = 200;
    /** Signed-in sessions have their own table: anyone can open anonymous ones, so they must never evict these. */
    public static final int MAX_SIGNED_IN = 20;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AdminSession> anonymous = new ConcurrentHashMap<>();
    private final Map<String, AdminSession> signedIn = new ConcurrentHashMap<>();

    AdminSessions(Clock clock) {
        this.clock = clock;
    }

    /** The request's live session, its idle timer restarted. */
    Optional<AdminSession> find(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AdminSession session = signedIn.computeIfPresent(token,
                (t, s) -> s.expiresAt().isAfter(now) ? s.extendedTo(now.plus(IDLE_TIMEOUT)) : null);
        if (session == null) {
            session = anonymous.computeIfPresent(token,
                    (t, s) -> s.expiresAt().isAfter(now) ? s.extendedTo(now.plus(IDLE_TIMEOUT)) : null);
        }
        return Optional.ofNullable(session);
    }

    /** The request's session, or a new signed-out one with its cookie set. */
    AdminSession findOrStart(Context ctx) {
        return find(ctx).orElseGet(() -> start(ctx, false));
    }

    /** Ends the request's session (if any) and starts a fresh one: called on sign-in against session fixation. */
    AdminSession renew(Context ctx, boolean signedIn) {
        end(ctx);
        return start(ctx, signedIn);
    }

    /** Signs every session out (after a password change; the caller then renews its own). */
    void endAll() {
        signedIn.clear();
        anonymous.clear();
    }

    void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            signedIn.remove(token);
            anonymous.remove(token);
        }
        ctx.cookie(cookie("", 0));
    }

    /** Whether the request carries its session's CSRF token (compared in constant time). */
    static boolean csrfMatches(Context ctx, AdminSession session) {
        String sent = ctx.header(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private AdminSession start(Context ctx, boolean signIn) {
        Instant now = clock.instant();
        Map<String, AdminSession> table = signIn ? signedIn : anonymous;
        makeRoom(table, signIn ? MAX_SIGNED_IN : MAX_ANONYMOUS, now);
        String token = randomToken();
        AdminSession session = new AdminSession(randomToken(), signIn, now.plus(IDLE_TIMEOUT));
        table.put(token, session);
        ctx.cookie(cookie(token, -1)); // a browser-session cookie; the server's idle timeout does the expiring
        return session;
    }

    /** Drops expired sessions, then the ones idle longest, until one more fits (synchronized: one table, two pages). */
    private static void makeRoom(Map<String, AdminSession> table, int max, Instant now) {
        synchronized (table) {
            if (table.size() < max) {
                return;
            }
            table.entrySet().removeIf(e -> !e.getValue().expiresAt().isAfter(now));
            while (table.size() >= max) {
                table.entrySet().stream().min(Comparator.comparing(e -> e.getValue().expiresAt()))
                        .ifPresent(e -> table.remove(e.getKey()));
            }
        }
    }

    int count(boolean signIn) {
        return (signIn ? signedIn : anonymous).size();
    }

    private static Cookie cookie(String value, int maxAgeSeconds) {
        // Secure is false on purpose: see the class comment (plain http on the LAN).
        return new Cookie(COOKIE, value, "/admin", maxAgeSeconds, false, true, null, SameSite.STRICT);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
