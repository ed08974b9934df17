package org.moodbox.web.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Failed sign-ins counted in a sliding window, per client address and for the whole box. The per-address
 * limit stops one phone or laptop from guessing; the global limit stops guessing spread over many addresses
 * (anyone on the LAN can pick addresses). The global limit is larger than the per-address one so that a
 * single noisy device does not lock the owner out at once; both together still cap guessing at a few hundred
 * tries an hour, hopeless against the slow hash of {@link PasswordHasher}.
 */
public final class SignInLimiter {
    public static final int PER_CLIENT = 5;
    static final int GLOBAL = 20;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    /** Bounds the memory a flood of spoofed addresses can take; the global window then still applies. */
    private static final int MAX_TRACKED_CLIENTS = 1000;

    private final Clock clock;
    private final int perClient;
    private final int global;
    private final Duration window;
    private final Map<String, Deque<Instant>> byClient = new HashMap<>();
    private final Deque<Instant> all = new ArrayDeque<>();

    SignInLimiter(Clock clock) {
        this(clock, PER_CLIENT, GLOBAL, WINDOW);
    }

    SignInLimiter(Clock clock, int perClient, int global, Duration window) {
        this.clock = clock;
        this.perClient = perClient;
        this.global = global;
        this.window = window;
    }

    /** Seconds until this client may try again, or empty when it may try now. */
    synchronized OptionalLong blockedForSeconds(String client) {
        Instant now = clock.instant();
        long wait = Math.max(waitSeconds(all, global, now), waitSeconds(byClient.get(client), perClient, now));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    synchronized void failed(String client) {
        Instant now = clock.instant();
        if (!byClient.containsKey(client) && byClient.size() >= MAX_TRACKED_CLIENTS) {
            byClient.entrySet().removeIf(e -> prune(e.getValue(), now).isEmpty());
        }
        byClient.computeIfAbsent(client, c -> new ArrayDeque<>()).addLast(now);
        all.addLast(now);
    }

    /** A right password clears that client's failures (not the global count: that is not theirs to clear). */
    synchronized void succeeded(String client) {
        byClient.remove(client);
    }

    private long waitSeconds(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null || prune(failures, now).size() < limit) {
            return 0;
        }
        // Blocked until the oldest failure that keeps the count at the limit leaves the window.
        Instant freeAt = failures.toArray(Instant[]::new)[failures.size() - limit].plus(window);
        return Math.max(1, (Duration.between(now, freeAt).toMillis() + 999) / 1000);
    }

    private Deque<Instant> prune(Deque<Instant> failures, Instant now) {
        Instant cutoff = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(cutoff)) {
            failures.removeFirst();
        }
        return failures;
    }
}
