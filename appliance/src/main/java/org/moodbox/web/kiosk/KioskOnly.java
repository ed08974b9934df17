package org.moodbox.web.kiosk;

import org.moodbox.web.ApiException;
import io.javalin.config.JavalinConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Keeps the kiosk's API for the kiosk screen. The server binds to 0.0.0.0 when the owner wants the admin page
 * on a phone, and then anyone on the Wi-Fi could otherwise play, pause, change the mood or follow the live
 * event stream. The kiosk browser runs on the box itself, so those routes answer only loopback clients.
 *
 * <p>Reads are kiosk-only too: {@code GET /api/state} carries the mood of whoever stands at the screen, which is
 * nobody else's business. The owner's phone reads the box's state from the signed-in {@code /admin/api/status}.
 * Still open to the network: the admin API (it has its own sign-in and CSRF), the pages themselves and the
 * album artwork (the kiosk page's images; no mood in them). The remote address is the socket's peer;
 * X-Forwarded-For is never trusted (there is no proxy on the box, and anyone could send the header).
 */
public final class KioskOnly {
    public static final String REFUSAL = "the kiosk controls answer only the kiosk screen on this box; "
            + "use the admin page (/admin) from a phone";

    private KioskOnly() {
    }

    /** @param kioskClient whether a client address is the kiosk screen ({@link #isLoopback} on the box) */
    public static void install(JavalinConfig config, Predicate<String> kioskClient) {
        config.routes.before("/api/*", ctx -> {
            if (!allows(ctx.method().name(), ctx.path(), ctx.req().getRemoteAddr(), kioskClient)) {
                throw new ApiException(403, REFUSAL);
            }
        });
    }

    /** Whether a request may reach the kiosk API; everything outside {@code /api/} is not this class's business. */
    public static boolean allows(String method, String path, String remoteAddress) {
       return allows(method, path, remoteAddress, KioskOnly::isLoopback);
    }

    public static boolean allows(String method, String path, String remoteAddress, Predicate<String> kioskClient) {
        if (!path.startsWith("/api/") || !kioskOnly(method.toUpperCase(Locale.ROOT), path)) {
            return true;
        }
        return kioskClient.test(remoteAddress);
    }

    /** Everything under /api/ but the artwork: the controls, the live stream and the state with its mood. */
    private static boolean kioskOnly(String method, String path) {
        return !path.startsWith("/api/artwork/");
    }

    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            String literal = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1) : address;
            if (!literal.matches("[0-9.]+") && !literal.matches("[0-9a-fA-F:.%a-zA-Z]*:[0-9a-fA-F:.%a-zA-Z]*")) {
                return false; // a host name, not an address: never resolved, so never trusted
            }
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
