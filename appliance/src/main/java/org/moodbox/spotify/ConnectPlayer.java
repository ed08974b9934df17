package org.moodbox.spotify;

import com.google.gson.JsonArray;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.Player;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.model_objects.miscellaneous.CurrentlyPlayingContext;
import se.michaelthelin.spotify.model_objects.miscellaneous.Device;

/**
 * Plays Spotify tracks on a Spotify Connect device through the Web API's player endpoints (Premium only).
 * The preferred device is this box's own librespot when it is logged in and can play; otherwise the device
 * the user is already using, else the first one Spotify lists (a phone, a speaker).
 *
 * <p>Every call runs on this player's own thread: a tap on the kiosk returns at once, and a slow or failing
 * Spotify shows up as the state's error, never as a frozen screen. The state follows Spotify's
 * {@code /me/player} every few seconds while playing.
 */
public final class ConnectPlayer implements Player {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectPlayer.class);
    static final Duration POLL = Duration.ofSeconds(3);

    private final SpotifyWeb web;
    private final Supplier<Optional<String>> ownDevice;
    private final List<Consumer<PlaybackState>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService worker;
    private volatile PlaybackState state;
    private volatile double cap;
    private volatile String deviceId;
    /** Commands queued or running: while any is, Spotify's playback state is about to change and is not read. */
    private final AtomicInteger pending = new AtomicInteger();

    /** @param ownDevice the name of this box's librespot device while it can play, else empty */
    public ConnectPlayer(SpotifyWeb web, Supplier<Optional<String>> ownDevice, double volume, double cap) {
        this(web, ownDevice, volume, cap, POLL);
    }

    /** @param poll how often Spotify's playback state is read while playing (tests: a fraction of a second) */
    ConnectPlayer(SpotifyWeb web, Supplier<Optional<String>> ownDevice, double volume, double cap, Duration poll) {
        this(web, ownDevice, volume, cap, poll, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "moodbox-spotify-connect");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * @param worker the one thread that talks to Spotify and polls it; a test hands in one that counts the polls it
     *               ran, so "a poll came and changed nothing" needs no guess at how long a poll takes
     */
    ConnectPlayer(SpotifyWeb web, Supplier<Optional<String>> ownDevice, double volume, double cap, Duration poll,
                  ScheduledExecutorService worker) {
        this.worker = worker;
        this.web = web;
        this.ownDevice = ownDevice;
        this.cap = cap;
        this.state = new PlaybackState(null, PlaybackState.Status.STOPPED, 0, Math.min(volume, cap),
                "Spotify Connect", null);
        worker.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void play(Track track) {
        publish(new PlaybackState(track, PlaybackState.Status.PLAYING, 0, state.volume(), state.output(), null));
        run("play " + track.title(), s -> s.track() == track, () -> {
            Device device = chooseDevice();
            deviceId = device.getId();
            JsonArray uris = new JsonArray();
            uris.add(new JsonPrimitive(track.uri()));
            web.call("starting playback", Duration.ZERO, api -> api.startResumeUsersPlayback()
                    .device_id(device.getId()).uris(uris).build());
            web.call("setting the volume", Duration.ZERO, api -> api.setVolumeForUsersPlayback(percent(state.volume()))
                    .device_id(device.getId()).build());
            // Only if this song still plays: a stop or another tap meanwhile has the last word.
            publishIf(s -> s.status() == PlaybackState.Status.PLAYING && s.track() == track,
                    s -> new PlaybackState(track, PlaybackState.Status.PLAYING, s.positionSeconds(), s.volume(),
                            "Spotify Connect: " + device.getName(), null));
        });
    }

    @Override
    public void pause() {
        if (state.status() == PlaybackState.Status.PLAYING) {
            publish(with(PlaybackState.Status.PAUSED));
            Track track = state.track();
            run("pause", s -> s.track() == track, () -> web.call("pausing", Duration.ZERO,
                    api -> api.pauseUsersPlayback().device_id(deviceId).build()));
        }
    }

    @Override
    public void resume() {
        if (state.status() == PlaybackState.Status.PAUSED) {
            publish(with(PlaybackState.Status.PLAYING));
            Track track = state.track();
            run("resume", s -> s.track() == track, () -> web.call("resuming", Duration.ZERO,
                    api -> api.startResumeUsersPlayback().device_id(deviceId).build()));
        }
    }

    @Override
    public void stop() {
        PlaybackState before = state;
        if (before.status() != PlaybackState.Status.STOPPED) {
            publish(new PlaybackState(null, PlaybackState.Status.STOPPED, 0, before.volume(), before.output(), null));
            // Spotify answers 403 "Restriction violated" to pausing a paused player: stopping from pause sends nothing.
            if (before.status() == PlaybackState.Status.PLAYING) {
                run("stop", s -> s.status() == PlaybackState.Status.STOPPED, () -> web.call("stopping",
                        Duration.ZERO, api -> api.pauseUsersPlayback().device_id(deviceId).build()));
            }
        }
    }

    @Override
    public void setVolume(double volume) {
        double v = Math.max(0, Math.min(volume, cap));
        publish(new PlaybackState(state.track(), state.status(), state.positionSeconds(), v, state.output(), state.error()));
        if (deviceId != null) {
            Track track = state.track();
            run("set the volume", s -> s.track() == track, () -> web.call("setting the volume", Duration.ZERO,
                    api -> api.setVolumeForUsersPlayback(percent(v)).device_id(deviceId).build()));
        }
    }

    @Override
    public double volumeCap() {
        return cap;
    }

    @Override
    public void setVolumeCap(double newCap) {
        cap = newCap;
        if (state.volume() > newCap) {
            setVolume(newCap);
        }
    }

    @Override
    public PlaybackState state() {
        return state;
    }

    @Override
    public void subscribe(Consumer<PlaybackState> listener) {
        listeners.add(listener);
    }

    private Device chooseDevice() {
        Device[] devices = web.call("listing Spotify Connect devices", Duration.ZERO,
                api -> api.getUsersAvailableDevices().build());
        List<Device> all = devices == null ? List.of() : Arrays.asList(devices);
        Optional<String> own = ownDevice.get();
        return own.flatMap(name -> all.stream().filter(d -> name.equals(d.getName())).findFirst())
                .or(() -> all.stream().filter(d -> Boolean.TRUE.equals(d.getIs_active())).findFirst())
                .or(() -> all.stream().filter(d -> !Boolean.TRUE.equals(d.getIs_restricted())).findFirst())
                .orElseThrow(() -> new SpotifyException(SpotifyException.Kind.REFUSED,
                        "no Spotify Connect device is available: open Spotify on a phone or speaker"
                                + (own.isEmpty() ? " (this box's own player cannot play Spotify now)" : "")));
    }

    private void poll() {
        PlaybackState s = state;
        if (s.status() != PlaybackState.Status.PLAYING || s.track() == null || deviceId == null || pending.get() > 0) {
            return;
        }
        try {
            CurrentlyPlayingContext now = web.call("reading the playback state", Duration.ZERO,
                    api -> api.getInformationAboutUsersCurrentPlayback().build());
            boolean same = now != null && now.getItem() != null && s.track().uri().equals(now.getItem().getUri());
            double position = now == null || now.getProgress_ms() == null ? 0 : now.getProgress_ms() / 1000.0;
            PlaybackState next;
            if (same && Boolean.TRUE.equals(now.getIs_playing())) {
                next = new PlaybackState(s.track(), PlaybackState.Status.PLAYING, position, s.volume(), s.output(),
                        null);
            } else if (same && position > 0) {
                // Paused in the Spotify app (a phone): the kiosk offers "resume", not a new song.
                next = new PlaybackState(s.track(), PlaybackState.Status.PAUSED, position, s.volume(), s.output(),
                        null);
            } else {
                // The track ended (Spotify rewinds it to 0 and stops), or something else plays there now.
                next = new PlaybackState(null, PlaybackState.Status.STOPPED, 0, s.volume(), s.output(), null);
            }
            // Not if a tap changed things meanwhile: Spotify's answer predates it.
            publishIf(current -> current == s && pending.get() == 0, current -> next);
        } catch (SpotifyException e) {
            LOG.debug("Spotify playback state not read: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Spotify playback state poll failed", e);
        }
    }

    /**
     * Runs a call on the player's thread. A failure stops playback with a sentence for the screen, but only while
     * {@code stillRelevant} holds: a failed call for a song the listener has already left must not overwrite
     * what they chose since.
     */
    private void run(String what, Predicate<PlaybackState> stillRelevant, Runnable call) {
        pending.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    call.run();
                } catch (SpotifyException e) {
                    LOG.warn("Spotify Connect {}: {}", what, e.getMessage());
                    publishIf(stillRelevant, s -> new PlaybackState(null, PlaybackState.Status.STOPPED, 0, s.volume(),
                            s.output(), "Spotify could not " + what + ": " + e.getMessage()
                                    + ". Pick a song from your own library."));
                } catch (RuntimeException e) {
                    LOG.warn("Spotify Connect {} failed", what, e);
                    publishIf(stillRelevant, s -> new PlaybackState(null, PlaybackState.Status.STOPPED, 0, s.volume(),
                            s.output(), "Spotify could not " + what + "."));
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.debug("Spotify Connect player closed; {} dropped", what);
        }
    }

    private PlaybackState with(PlaybackState.Status status) {
        PlaybackState s = state;
        return new PlaybackState(s.track(), status, s.positionSeconds(), s.volume(), s.output(), null);
    }

    private synchronized void publishIf(Predicate<PlaybackState> still,
                                        UnaryOperator<PlaybackState> next) {
        if (still.test(state)) {
            publish(next.apply(state));
        }
    }

    private synchronized void publish(PlaybackState s) {
        state = s;
        listeners.forEach(l -> l.accept(s));
    }

    private static int percent(double volume) {
        return (int) Math.round(Math.max(0, Math.min(1, volume)) * 100);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
