package org.moodbox.web.admin;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.ApiViews.KioskSettingsView;
import org.moodbox.web.shared.JsonBody;
import org.moodbox.web.shared.JsonInput;
import org.moodbox.web.shared.OwnerSignIn;
import org.moodbox.web.shared.WebJson;
import org.moodbox.web.shared.WebRoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.InvalidSettingsException;
import org.moodbox.settings.SettingsJson;
import org.moodbox.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's API under {@code /admin/api}: first-run password, sign-in, sign-out and settings. Separate from
 * the kiosk's {@code /api}, which the touchscreen on 127.0.0.1 uses without a sign-in.
 *
 * <p>Every state-changing request (anything but GET) must carry the session's CSRF token in the
 * {@value AdminSessions#CSRF_HEADER} header, and a cross-site Origin is refused outright. A form on another
 * site cannot set that header, and with SameSite=Strict the browser would not send our cookie there anyway:
 * two locks, because older phone browsers ignore SameSite.
 */
public final class AdminRoutes implements OwnerSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    static final int MIN_PASSWORD_LENGTH = 8;
    /** PBKDF2 hashes any length, but nobody types more, and it caps the work an anonymous request can cause. */
    static final int MAX_PASSWORD_LENGTH = 200;
    private static final String SESSION = "moodbox.adminSession";
    public static final int MAX_FIELD_ERRORS = 20;

    private final SettingsStore settings;
    private final AdminSecrets secrets;
    private final PasswordHasher hasher;
    private final SignInLimiter limiter;
    private final AdminSessions sessions;
    private final ObjectMapper json;

    public AdminRoutes(SettingsStore settings, AdminSecrets secrets, Clock clock) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.secrets = java.util.Objects.requireNonNull(secrets, "secrets");
        this.hasher = new PasswordHasher();
        this.limiter = new SignInLimiter(clock);
        this.sessions = new AdminSessions(clock);
        this.json = WebJson.mapper();
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        // After the store saved (it updates current() before telling listeners), so new cards see the new filter.
        settings.subscribe(saved -> room.live().settingsChanged(KioskSettingsView.of(saved)));
        routes.before("/admin/api/*", this::guard);
        routes.get("/admin/api/session", this::session);
        routes.post("/admin/api/setup", this::setup);
        routes.post("/admin/api/signin", this::signIn);
        routes.post("/admin/api/signout", this::signOut);
        routes.get("/admin/api/settings", ctx -> ctx.json(settingsView()), Access.OWNER);
        routes.put("/admin/api/settings", this::putSettings, Access.OWNER);
        routes.post("/admin/api/password", this::changePassword, Access.OWNER);
    }

    @Override
    public boolean passwordSet() {
        return secrets.adminPassword().isPresent();
    }

    @Override
    public KioskSettingsView kioskSettings() {
        return KioskSettingsView.of(settings.current());
    }

    /** Runs before every admin API request: no caching, and the CSRF checks for anything that changes state. */
    private void guard(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            return;
        }
        if (!sameOrigin(ctx)) {
            throw new ApiException(403, "refused: this request came from another site");
        }
        AdminSession session = sessions.find(ctx).orElseThrow(() ->
                new ApiException(403, "refused: no admin session (it may have expired); reload the page"));
        if (!AdminSessions.csrfMatches(ctx, session)) {
            throw new ApiException(403, "refused: missing or wrong CSRF token; reload the page");
        }
        ctx.attribute(SESSION, session);
    }

    /**
     * Browsers send Origin with every POST/PUT; a missing one is a non-browser client, which the token still
     * checks. Scheme, host and port must all be this request's: the Host itself was already checked to name
     * this box ({@link HostCheck}), so a page from any other origin is refused.
     */
    static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.header("Host");
            return host != null && ctx.scheme().equalsIgnoreCase(uri.getScheme())
                    && host.equalsIgnoreCase(uri.getRawAuthority()) && uri.getRawPath().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void session(Context ctx) {
        AdminSession session = sessions.findOrStart(ctx);
        ctx.json(sessionView(session));
    }

    private Map<String, Object> sessionView(AdminSession session) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("passwordSet", secrets.adminPassword().isPresent());
        view.put("signedIn", session.signedIn());
        view.put("csrfToken", session.csrfToken());
        view.put("minPasswordLength", MIN_PASSWORD_LENGTH);
        return view;
    }

    private void setup(Context ctx) throws IOException {
        JsonBody body = JsonBody.of(ctx, json, "{\"password\": \"...\", \"confirm\": \"...\"}");
        char[] password = body.requiredText("password").toCharArray();
        try {
            String confirm = body.requiredText("confirm");
            Map<String, String> fields = new LinkedHashMap<>();
            if (password.length < MIN_PASSWORD_LENGTH) {
                fields.put("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
            } else if (password.length > MAX_PASSWORD_LENGTH) {
                fields.put("password", "must have at most " + MAX_PASSWORD_LENGTH + " characters");
            } else if (!confirm.equals(new String(password))) {
                fields.put("confirm", "does not match the password");
            }
            if (!fields.isEmpty()) {
                fieldErrors(ctx, "the password was not set", fields);
                return;
            }
            // One at a time, so two phones racing through first run cannot both set a password.
            synchronized (secrets) {
                if (secrets.adminPassword().isPresent()) {
                    throw new ApiException(409, "an admin password is already set; sign in with it");
                }
                secrets.setAdminPassword(hasher.hash(password));
            }
        } finally {
            PasswordHasher.wipe(password);
        }
        LOG.info("admin password set from {}", ctx.ip());
        ctx.json(sessionView(sessions.renew(ctx, true)));
    }

    private void signIn(Context ctx) {
        String client = ctx.ip();
        OptionalLong blocked = limiter.admit(client);
        if (blocked.isPresent()) {
            ctx.header("Retry-After", Long.toString(blocked.getAsLong()));
            throw new ApiException(429, "too many wrong passwords; try again in " + blocked.getAsLong() + " s");
        }
        var stored = secrets.adminPassword().orElseThrow(() ->
                new ApiException(409, "no admin password is set yet; set one first"));
        char[] password = JsonBody.of(ctx, json, "{\"password\": \"...\"}").requiredText("password").toCharArray();
        boolean right;
        try {
            right = password.length <= MAX_PASSWORD_LENGTH && hasher.matches(password, stored);
        } finally {
            PasswordHasher.wipe(password);
        }
        if (!right) {
            limiter.failed(client);
            LOG.warn("wrong admin password from {}", client);
            throw new ApiException(401, "wrong password");
        }
        limiter.succeeded(client);
        LOG.info("admin signed in from {}", client);
        ctx.json(sessionView(sessions.renew(ctx, true)));
    }

    private void signOut(Context ctx) {
        sessions.end(ctx);
        ctx.json(Map.of("signedIn", false));
    }

    /**
     * The owner changes the password: the current one is required (a phone left signed in must not let anyone
     * lock the owner out), wrong guesses count toward the same limit as sign-ins, and every other session ends.
     */
    private void changePassword(Context ctx) {
        String client = ctx.ip();
        OptionalLong blocked = limiter.admit(client);
        if (blocked.isPresent()) {
            ctx.header("Retry-After", Long.toString(blocked.getAsLong()));
            throw new ApiException(429, "too many wrong passwords; try again in " + blocked.getAsLong() + " s");
        }
        JsonBody body = JsonBody.of(ctx, json,
                "{\"currentPassword\": \"...\", \"password\": \"...\", \"confirm\": \"...\"}");
        char[] current = body.optionalText("currentPassword").toCharArray();
        char[] password = body.optionalText("password").toCharArray();
        String confirm = body.optionalText("confirm");
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            if (current.length == 0) {
                fields.put("currentPassword", "is required");
            } else if (current.length > MAX_PASSWORD_LENGTH
                    || !hasher.matches(current, secrets.adminPassword().orElseThrow())) {
                limiter.failed(client);
                LOG.warn("wrong current admin password in a password change from {}", client);
                fields.put("currentPassword", "is not the current password");
            }
            if (password.length < MIN_PASSWORD_LENGTH) {
                fields.put("newPassword", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
            } else if (password.length > MAX_PASSWORD_LENGTH) {
                fields.put("newPassword", "must have at most " + MAX_PASSWORD_LENGTH + " characters");
            } else if (!confirm.equals(new String(password))) {
                fields.put("confirmPassword", "does not match the new password");
            }
            if (!fields.isEmpty()) {
                fieldErrors(ctx, "the password was not changed", fields);
                return;
            }
            synchronized (secrets) {
                secrets.setAdminPassword(hasher.hash(password));
            }
        } finally {
            PasswordHasher.wipe(current);
            PasswordHasher.wipe(password);
        }
        limiter.succeeded(client);
        sessions.endAll();
        LOG.info("admin password changed from {}; other sessions signed out", client);
        ctx.json(sessionView(sessions.renew(ctx, true)));
    }

    private void putSettings(Context ctx) {
        JsonNode changes = JsonInput.parse(json, ctx.body());
        if (changes == null) {
            throw ApiException.badRequest("request body is not valid JSON (exactly one JSON value is expected); send the settings as a JSON object");
        }
        try {
            Map<String, String> problems = SettingsChecks.onTheBox(changes, settings.current());
            if (!problems.isEmpty()) {
                fieldErrors(ctx, "some settings are not valid; nothing was changed", problems);
                return;
            }
            settings.update(changes);
        } catch (InvalidSettingsException e) {
            fieldErrors(ctx, "some settings are not valid; nothing was changed", e.fieldErrors());
            return;
        }
        LOG.info("settings changed from {}", ctx.ip());
        ctx.json(settingsView());
    }

    private Map<String, Object> settingsView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("settings", SettingsJson.write(json, settings.current()));
        view.put("problem", settings.loadProblem().orElse(null));
        return view;
    }

    /**
     * Throws 401 unless a signed-in owner sent the request; the server calls it once for every
     * {@link Access#OWNER} route. GETs have no CSRF check and so no session attribute yet: look the session up.
     */
    @Override
    public void requireSignedIn(Context ctx) {
        AdminSession session = ctx.attribute(SESSION);
        if (session == null) {
            session = sessions.find(ctx).orElse(null);
        }
        if (session == null || !session.signedIn()) {
            throw new ApiException(401, "sign in first");
        }
    }

    /** At most {@value #MAX_FIELD_ERRORS} fields are listed: 50,000 unknown keys once made a 10 MB answer. */
    private static void fieldErrors(Context ctx, String message, Map<String, String> fields) {
        Map<String, String> shown = new LinkedHashMap<>();
        fields.entrySet().stream().limit(MAX_FIELD_ERRORS).forEach(e -> shown.put(e.getKey(), e.getValue()));
        if (fields.size() > MAX_FIELD_ERRORS) {
            shown.put("…", "and " + (fields.size() - MAX_FIELD_ERRORS) + " more problems");
        }
        ctx.status(400).json(Map.of("error", message, "fields", shown));
    }
}
