package org.moodbox.mqtt;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the broker is and how the box proves who it is: the mqtt room's own type for the owner's link settings
 * and the password from its secret file. {@link #toString()} leaves the password out, so a log line cannot leak it.
 *
 * @param caFile   the broker's CA as PEM, or empty for the system's trust store
 * @param user     empty: no credentials
 * @param password empty: a user without a password
 */
record BrokerAddress(String host, int port, boolean tls, Optional<Path> caFile, String user, Optional<String> password) {
    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + (user.isEmpty() ? "" : user + "@") + host + ":" + port;
    }
}
