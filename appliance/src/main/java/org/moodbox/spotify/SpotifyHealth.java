package org.moodbox.spotify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether Spotify answers right now, as the last call found it. Everything that offers Spotify (cards,
 * playback) reads it, and the kiosk and admin pages show its notice while it is not OK.
 */
public final class SpotifyHealth {
    public enum State { OK, RATE_LIMITED, UNAVAILABLE, RELINK }

    /** @param notice one sentence for the screens, null when OK */
    public record Snapshot(State state, String notice, Instant since, Instant retryAt) {
    }

    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot now;

    public SpotifyHealth(Clock clock) {
        this.clock = clock;
        this.now = new Snapshot(State.OK, null, clock.instant(), null);
    }

    public Snapshot snapshot() {
        return now;
    }

    public boolean ok() {
        return now.state() == State.OK;
    }

    public Optional<String> notice() {
        return Optional.ofNullable(now.notice());
    }

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    void ok(String why) {
        set(State.OK, null, null);
    }

    void rateLimited(Instant retryAt) {
        set(State.RATE_LIMITED, "Spotify asks Moodbox to slow down until "
                + retryAt.toString().substring(11, 19) + " UTC; playing from your own library meanwhile.", retryAt);
    }

    void unavailable(String reason) {
        set(State.UNAVAILABLE, "Spotify is unavailable (" + reason + "); playing from your own library.", null);
    }

    void relink(String reason) {
        set(State.RELINK, "Spotify access ended (" + reason + "); the owner needs to link Spotify again on the "
                + "admin page. Playing from your own library.", null);
    }

    private synchronized void set(State state, String notice, Instant retryAt) {
        Snapshot before = now;
        if (before.state() == state && java.util.Objects.equals(before.notice(), notice)) {
            return;
        }
        now = new Snapshot(state, notice, clock.instant(), retryAt);
        listeners.forEach(Runnable::run);
    }
}
