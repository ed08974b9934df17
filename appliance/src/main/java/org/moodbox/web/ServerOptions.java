package org.moodbox.web;

import java.util.Objects;
import java.util.function.Predicate;
import org.moodbox.web.kiosk.KioskOnly;

/**
 * Where the server listens and who counts as the kiosk screen.
 *
 * @param host        127.0.0.1 for the kiosk alone, 0.0.0.0 for the owner's phone too
 * @param port        0 picks a free port; {@link WebServer#port()} tells which
 * @param kioskClient which client addresses count as the kiosk screen (the box itself: loopback). Tests narrow
 *                    it to one loopback address so a second one can play "a phone on the network" without any
 *                    traffic leaving the loopback interface.
 */
public record ServerOptions(String host, int port, Predicate<String> kioskClient) {
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kioskClient, "kioskClient");
    }

    /** On {@code host:port}, with the box itself (loopback) as the kiosk screen. */
    public static ServerOptions on(String host, int port) {
        return new ServerOptions(host, port, KioskOnly::isLoopback);
    }

    public ServerOptions withKioskClient(Predicate<String> client) {
        return new ServerOptions(host, port, client);
    }
}
