package org.moodbox.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A broker given on the command line, {@code mqtt[s]://[user[:password]@]host[:port]} (the {@code --mqtt}
 * option of run and demo): mqtts is TLS (port 8883 unless given), mqtt plain (1883). A user name or password
 * with '@', ':' or '/' in it is percent-encoded, as in any URL.
 */
public record MqttUrl(boolean tls, String host, int port, String user, Optional<String> password) {
    public static final int TLS_PORT = 8883;

    /** @throws IllegalArgumentException with a sentence that says what is wrong and what a good one looks like */
    public static MqttUrl parse(String text) {
        String example = "; use mqtt://broker.local:1883 or mqtts://user:password@broker.local:8883";
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--mqtt '" + text + "' is not a URL (" + e.getReason() + ")" + example, e);
        }
        String scheme = uri.getScheme();
        if (!"mqtt".equals(scheme) && !"mqtts".equals(scheme)) {
            throw new IllegalArgumentException("--mqtt must start with mqtt:// or mqtts://" + example);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--mqtt '" + text + "' names no broker host" + example);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("--mqtt takes a broker address only, no path or query" + example);
        }
        boolean tls = "mqtts".equals(scheme);
        int port = uri.getPort() == -1 ? (tls ? TLS_PORT : 1883) : uri.getPort();
        String user = "";
        Optional<String> password = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) {
                password = Optional.of(decode(info.substring(colon + 1))).filter(p -> !p.isEmpty());
            }
        }
        return new MqttUrl(tls, uri.getHost(), port, user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Without the password: what logs and pages may show. */
    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + (user.isEmpty() ? "" : user + "@") + host + ":" + port;
    }
}
