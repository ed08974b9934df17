package org.moodbox.mqtt;

import java.util.Locale;

/** Where the broker link stands, in the words the admin page shows ({@link #label()}). */
public enum LinkState {
    /** The owner has not turned the link on. */
    OFF,
    CONNECTING,
    CONNECTED,
    /** The broker said no to the user name or password: the box tries again only every minute. */
    REFUSED_CREDENTIALS,
    /** The broker refused for another reason (not authorised for this client id, protocol). */
    REFUSED,
    /** The TLS handshake failed: a certificate the box does not trust, a wrong CA file, or no TLS on that port. */
    TLS_FAILED,
    /** Nothing answers at that address and port, or the connection broke. */
    UNREACHABLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
