package org.moodbox.web;

import org.moodbox.web.shared.ApiException;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Answers only requests that name this box in their {@code Host} header: its host name, that name with
 * {@code .local} (mDNS), the address the server was told to bind, the box's own interface addresses when it
 * binds to all of them, the host of the owner's page address, and loopback. Anything else gets 421.
 *
 * <p>Why: a page on an attacker's domain can re-resolve that domain to the box's LAN address (DNS rebinding).
 * The browser then treats the box as the attacker's own origin, sends requests with {@code Host: attacker's
 * name} and lets the page read the answers, so a same-origin check alone passes and a new box's first admin
 * password could be set from that page. The browser cannot lie about the Host it connected for, so refusing
 * unknown names closes that door; the attacker's page never sees anything but 421.
 */
final class HostCheck {
    static final int MISDIRECTED = 421;
    static final String REFUSAL = "this box does not answer to that host name; open it by its own name or address";
    private static final long INTERFACE_REFRESH_NANOS = 10_000_000_000L;

    private final Set<String> fixedNames;
    private final boolean allInterfaces;
    private final Supplier<Optional<String>> adminAddress;
    private volatile Set<String> interfaceAddresses = Set.of();
    private volatile long interfacesReadAt;

    /**
     * @param boundHost    the address the server binds ({@code 0.0.0.0} or {@code ::} means every interface)
     * @param hostName     the box's host name (see {@link #systemHostName()})
     * @param adminAddress the owner's page address shown on the kiosk; its host is allowed too
     */
    HostCheck(String boundHost, String hostName, Supplier<Optional<String>> adminAddress) {
        Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "::1"));
        String bound = normalise(boundHost);
        allInterfaces = bound.equals("0.0.0.0") || bound.equals("::") || bound.isEmpty();
        if (!allInterfaces) {
            names.add(bound);
        }
        if (hostName != null && !hostName.isBlank()) {
            String name = normalise(hostName);
            names.add(name);
            names.add(name.endsWith(".local") ? name : name + ".local");
        }
        this.fixedNames = Set.copyOf(names);
        this.adminAddress = adminAddress;
    }

    void install(JavalinConfig config) {
        config.routes.before(ctx -> {
            if (!allows(ctx.header("Host"))) {
                throw new ApiException(MISDIRECTED, REFUSAL);
            }
        });
    }

    /** Whether a Host header value (name or address, with or without port) names this box. */
    boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false; // HTTP/1.1 requires Host; Jetty already refuses its absence with 400
        }
        String host = hostOnly(hostHeader);
        if (host == null) {
            return false;
        }
        if (fixedNames.contains(host) || org.moodbox.web.kiosk.KioskOnly.isLoopback(host) || host.equals(adminHost())) {
            return true;
        }
        return allInterfaces && interfaceAddresses().contains(host);
    }

    /** The lower-case host of a Host header, IPv6 brackets removed; null when it is not a plain host[:port]. */
    static String hostOnly(String hostHeader) {
        String value = hostHeader.strip();
        String host;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return null;
            }
            host = value.substring(1, end);
            String rest = value.substring(end + 1);
            if (!rest.isEmpty() && !rest.matches(":[0-9]{1,5}")) {
                return null;
            }
        } else {
            int colon = value.indexOf(':');
            host = colon < 0 ? value : value.substring(0, colon);
            if (colon >= 0 && !value.substring(colon).matches(":[0-9]{1,5}")) {
                return null;
            }
        }
        if (!host.matches("[A-Za-z0-9.\\-:%]+")) {
            return null;
        }
        return normalise(host);
    }

    private String adminHost() {
        try {
            return adminAddress.get().map(url -> URI.create(url).getHost()).map(HostCheck::normalise).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every interface's addresses, re-read now and then: DHCP can give the box a new one while it runs. */
    private Set<String> interfaceAddresses() {
        long now = System.nanoTime();
        if (now - interfacesReadAt > INTERFACE_REFRESH_NANOS) {
            Set<String> addresses = new HashSet<>();
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        String literal = address.getHostAddress();
                        int zone = literal.indexOf('%');
                        addresses.add(normalise(zone < 0 ? literal : literal.substring(0, zone)));
                    }
                }
            } catch (SocketException | RuntimeException e) {
                // Keep the previous set: refusing the owner because an interface list failed would be worse.
                return interfaceAddresses;
            }
            interfaceAddresses = Set.copyOf(addresses);
            interfacesReadAt = now;
        }
        return interfaceAddresses;
    }

    /** The kernel's host name (what mDNS announces as NAME.local on the image), or empty when unknown. */
    static String systemHostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask Java below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    private static String normalise(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        if (lower.contains(":") && lower.matches("[0-9a-f:.]+")) {
            try {
                return InetAddress.getByName(lower).getHostAddress(); // an IPv6 literal: one spelling, no lookup
            } catch (IOException e) {
                return lower;
            }
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
