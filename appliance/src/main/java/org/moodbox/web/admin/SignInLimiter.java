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
 * limit stops one phone or laptop from guessing: that address waits until its failures leave the window.
 *
 * <p>The global limit is for guessing spread over many addresses (anyone on the LAN can pick addresses). It
 * must not lock the whole box: a lockout there let 20 wrong passwords from anywhere keep the owner's right one
 * out for 5 minutes, and four guesses a minute kept it that way. So past {@value #GLOBAL} failures in the window
 * the box paces attempts instead: one sign-in attempt per {@link #PACE} for everybody. Guessing drops to a
 * trickle (at most 1,800 tries an hour on top of the per-address limits, hopeless against the slow hash of
 * {@link PasswordHasher}), while the owner waits at most {@link #PACE} before each try.
 */
public final class SignInLimiter {
    public static final int PER_CLIENT = 5;
    static final int GLOBAL = 20;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration PACE = Duration.ofSeconds(2);
    /** Bounds the memory a flood of spoofed addresses can take; the global window then still applies. */
    private static final int MAX_TRACKED_CLIENTS = 1000;

    private final Clock clock;
    private final int perClient;
    private final int global;
    private final Duration window;
    private final Map<String, Deque<Instant>> byClient = new HashMap<>();
    private final Deque<Instant> all = new ArrayDeque<>();
    private Instant lastPacedAttempt = Instant.MIN;

    SignInLimiter(Clock clock) {
        this(clock, PER_CLIENT, GLOBAL, WINDOW);
    }

    SignInLimiter(Clock clock, int perClient, int global, Duration window) {
        this.clock = clock;
        this.perClient = perClient;
        this.global = global;
        this.window = window;
    }

    /**
     * Seconds until this client may try again, or empty when it may try now; an admitted attempt takes the
     * box's pace slot while guessing is paced.
     */
    synchronized OptionalLong admit(String client) {
        Instant now = clock.instant();
        long wait = waitSeconds(byClient.get(client), perClient, now);
        if (wait == 0 && prune(all, now).size() >= global) {
            Instant free = lastPacedAttempt.plus(PACE);
            if (free.isAfter(now)) {
                wait = Math.max(1, (Duration.between(now, free).toMillis() + 999) / 1000);
            } else {
                lastPacedAttempt = now;
            }
        }
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
