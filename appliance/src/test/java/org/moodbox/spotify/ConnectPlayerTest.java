package org.moodbox.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.PlaybackState.Status;

/**
 * The Connect player against the fake's player endpoints, with a real linked account: which device it picks,
 * what it sends for play, pause, resume, stop and volume (never above the cap), how it follows Spotify's
 * playback state, and what the kiosk is told when Spotify fails.
 */
class ConnectPlayerTest {
    static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * How long a call waits for the fake's answer. Short, so "Spotify does not answer" ends within {@link #WAIT};
     * not too short: 700 ms timed out on the fake's ordinary answers while the soak (.ci/soak-timing-tests) ran a
     * second build beside it (load 20 on two cores).
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path data;
    private SpotifyRig rig;
    private FakeSpotifyPlayer fakePlayer;
    private ConnectPlayer player;
    private final List<PlaybackState> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void link() throws Exception {
        rig = new SpotifyRig(data, ANSWER_TIMEOUT);
        rig.link();
        fakePlayer = rig.fake.player;
    }

    @AfterEach
    void close() {
        if (player != null) {
            player.close();
        }
        rig.close();
    }

    static Track spotifyTrack(String id) {
        return new Track(7, SpotifyCandidates.SOURCE, "spotify:track:" + id, "Song " + id, "Artist " + id, null,
                null, null, 200, false, null, null);
    }

    private ConnectPlayer player(Supplier<Optional<String>> ownDevice, double volume, double cap) {
        player = new ConnectPlayer(rig.web, ownDevice, volume, cap, POLL);
        player.subscribe(states::add);
        return player;
    }

    private PlaybackState await(String what, Predicate<PlaybackState> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(player.state())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + what + "; last state " + player.state() + "; states " + states
                        + "; requests " + rig.fake.requests);
            }
            Thread.sleep(20);
        }
        return player.state();
    }

    private PlaybackState awaitPlayingOn(String deviceName) throws InterruptedException {
        return await("playing on " + deviceName, s -> s.status() == Status.PLAYING
                && ("Spotify Connect: " + deviceName).equals(s.output()));
    }

    @Test
    void playsOnTheBoxsOwnDeviceWhileLibrespotCanPlay() throws Exception {
        player(() -> Optional.of("Moodbox"), 0.6, 0.8).play(spotifyTrack("aaa"));
        PlaybackState playing = awaitPlayingOn("Moodbox");

        assertThat(playing.track().uri()).isEqualTo("spotify:track:aaa");
        assertThat(playing.error()).isNull();
        assertThat(fakePlayer.activeDevice()).isEqualTo("dev-box");
        assertThat(fakePlayer.trackUri()).isEqualTo("spotify:track:aaa");
        assertThat(fakePlayer.playing()).isTrue();
        assertThat(fakePlayer.volume("dev-box")).isEqualTo(60);
        assertThat(rig.fake.requests).contains("PUT /v1/me/player/play?device_id=dev-box");
    }

    @Test
    void withoutItsOwnDeviceItPlaysWhereTheUserAlreadyListens() throws Exception {
        fakePlayer.devices.add(0, new FakeSpotifyPlayer.Device("dev-tv", "Living room TV", "TV", false));
        fakePlayer.listeningOn("dev-phone", "spotify:track:somethingelse");
        player(Optional::empty, 0.5, 1.0).play(spotifyTrack("bbb"));
        awaitPlayingOn("Ada's phone");
        assertThat(fakePlayer.activeDevice()).isEqualTo("dev-phone");
        assertThat(fakePlayer.trackUri()).isEqualTo("spotify:track:bbb");
    }

    @Test
    void withNothingActiveItSkipsRestrictedDevices() throws Exception {
        fakePlayer.devices.clear();
        fakePlayer.devices.add(new FakeSpotifyPlayer.Device("dev-car", "Car", "Automobile", true));
        fakePlayer.devices.add(new FakeSpotifyPlayer.Device("dev-speaker", "Kitchen speaker", "Speaker", false));
        player(Optional::empty, 0.5, 1.0).play(spotifyTrack("ccc"));
        awaitPlayingOn("Kitchen speaker");
        assertThat(fakePlayer.activeDevice()).isEqualTo("dev-speaker");
    }

    @Test
    void noDeviceAtAllIsSaidPlainlyAndNothingIsSent() throws Exception {
        fakePlayer.devices.clear();
        player(Optional::empty, 0.5, 1.0).play(spotifyTrack("ddd"));
        PlaybackState stopped = await("stopped with an error", s -> s.status() == Status.STOPPED && s.error() != null);
        assertThat(stopped.error()).contains("no Spotify Connect device is available", "open Spotify on a phone",
                "this box's own player cannot play Spotify now", "Pick a song from your own library");
        assertThat(rig.fake.count("PUT /v1/me/player/play")).isZero();
        assertThat(stopped.track()).isNull();
    }

    @Test
    void pauseResumeAndStopReachTheDevice() throws Exception {
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("eee"));
        awaitPlayingOn("Moodbox");

        player.pause();
        assertThat(player.state().status()).isEqualTo(Status.PAUSED); // the screen answers the tap at once
        awaitFake("paused", () -> !fakePlayer.playing());
        assertThat(rig.fake.requests).contains("PUT /v1/me/player/pause?device_id=dev-box");

        player.resume();
        awaitFake("playing again", fakePlayer::playing);
        assertThat(fakePlayer.trackUri()).isEqualTo("spotify:track:eee");
        assertThat(player.state().status()).isEqualTo(Status.PLAYING);

        player.pause();
        awaitFake("paused again", () -> !fakePlayer.playing());
        player.stop();
        assertThat(player.state().status()).isEqualTo(Status.STOPPED);
        // Spotify refuses to pause a paused player (403); stopping from pause must not turn that into an error.
        afterEverythingQueued();
        assertThat(rig.fake.count("PUT /v1/me/player/pause")).isEqualTo(2);
        assertThat(player.state().error()).isNull();
        assertThat(states).allSatisfy(s -> assertThat(s.error()).isNull());
    }

    /**
     * Returns once the player's own thread has done everything asked of it so far (instead of sleeping and hoping
     * it has): a volume change queues one more call behind them, and its request reaching Spotify is the sign.
     */
    private void afterEverythingQueued() throws Exception {
        long before = rig.fake.count("PUT /v1/me/player/volume");
        player.setVolume(player.state().volume());
        awaitFake("the call queued last", () -> rig.fake.count("PUT /v1/me/player/volume") > before);
    }

    @Test
    void aStopWhileSpotifyIsStillStartingTheSongHasTheLastWord() throws Exception {
        rig.fake.inject("/v1/me/player/devices", "slow:300");
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("quick"));
        player.stop(); // the listener changed their mind before Spotify answered
        awaitFake("asked to play", () -> rig.fake.count("PUT /v1/me/player/play") == 1);
        awaitFake("paused again", () -> rig.fake.count("PUT /v1/me/player/pause") == 1 && !fakePlayer.playing());
        afterEverythingQueued();
        assertThat(player.state().status()).isEqualTo(Status.STOPPED);
        assertThat(player.state().error()).isNull();
        assertThat(states.get(states.size() - 1).status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void theVolumeNeverGoesAboveTheCapOnTheDevice() throws Exception {
        player(() -> Optional.of("Moodbox"), 1.0, 0.7);
        assertThat(player.state().volume()).isEqualTo(0.7);
        player.setVolume(0.3); // nothing plays yet: remembered, sent with the next play
        assertThat(rig.fake.count("PUT /v1/me/player/volume")).isZero();
        player.play(spotifyTrack("fff"));
        awaitPlayingOn("Moodbox");
        awaitFake("volume 30", () -> Integer.valueOf(30).equals(fakePlayer.volume("dev-box")));

        player.setVolume(1.0);
        assertThat(player.state().volume()).isEqualTo(0.7);
        awaitFake("volume 70", () -> Integer.valueOf(70).equals(fakePlayer.volume("dev-box")));

        player.setVolumeCap(0.4); // the owner lowered the cap while it played: lower at once
        assertThat(player.state().volume()).isEqualTo(0.4);
        awaitFake("volume 40", () -> Integer.valueOf(40).equals(fakePlayer.volume("dev-box")));
        player.setVolume(-1);
        awaitFake("volume 0", () -> Integer.valueOf(0).equals(fakePlayer.volume("dev-box")));
    }

    @Test
    void followsSpotifysPlaybackStateUntilTheTrackEnds() throws Exception {
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("ggg"));
        awaitPlayingOn("Moodbox");
        fakePlayer.seek(42_000);
        await("at 42 s", s -> s.status() == Status.PLAYING && s.positionSeconds() >= 42);

        fakePlayer.endTrack();
        PlaybackState ended = await("stopped at the end", s -> s.status() == Status.STOPPED);
        assertThat(ended.error()).isNull();
        assertThat(states.get(states.size() - 1).status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void pausedOnThePhoneShowsAsPausedNotStopped() throws Exception {
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("hhh"));
        awaitPlayingOn("Moodbox");
        fakePlayer.seek(30_000);
        fakePlayer.pausedElsewhere();
        PlaybackState paused = await("paused", s -> s.status() == Status.PAUSED);
        assertThat(paused.track().uri()).isEqualTo("spotify:track:hhh");
        assertThat(paused.positionSeconds()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aServerErrorStopsWithANoticeAndMarksSpotifyUnavailable() throws Exception {
        rig.fake.inject("/v1/me/player/play", "500");
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("iii"));
        PlaybackState failed = await("stopped with an error", s -> s.status() == Status.STOPPED && s.error() != null);
        assertThat(failed.error()).startsWith("Spotify could not play Song iii: ")
                .contains("Pick a song from your own library");
        assertThat(rig.health.snapshot().state()).isEqualTo(SpotifyHealth.State.UNAVAILABLE);
        assertThat(fakePlayer.playing()).isFalse();
    }

    @Test
    void aFreeAccountIsToldPlaybackNeedsPremium() throws Exception {
        rig.fake.product = "free";
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("jjj"));
        PlaybackState failed = await("stopped with an error", s -> s.status() == Status.STOPPED && s.error() != null);
        assertThat(failed.error()).contains("Premium");
        assertThat(rig.health.ok()).as("a refusal is not an outage").isTrue();
    }

    @Test
    void aSpotifyThatDoesNotAnswerNeverHoldsTheTapAndSaysSo() throws Exception {
        rig.fake.inject("/v1/me/player/devices", "slow:" + ANSWER_TIMEOUT.multipliedBy(2).toMillis());
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("kkk"));
        // play() has returned while the fake still holds the request: the screen shows the tap at once.
        assertThat(player.state().status()).isEqualTo(Status.PLAYING);
        assertThat(fakePlayer.trackUri()).isNull();
        PlaybackState failed = await("stopped with an error", s -> s.status() == Status.STOPPED && s.error() != null);
        assertThat(failed.error()).contains("did not answer in time");
        assertThat(rig.health.snapshot().state()).isEqualTo(SpotifyHealth.State.UNAVAILABLE);
    }

    @Test
    void aRevokedLinkAsksTheOwnerToLinkAgain() throws Exception {
        rig.fake.revokeAll();
        player(() -> Optional.of("Moodbox"), 0.5, 1.0).play(spotifyTrack("lll"));
        PlaybackState failed = await("stopped with an error", s -> s.status() == Status.STOPPED && s.error() != null);
        assertThat(failed.error()).contains("Spotify could not play");
        assertThat(rig.account.status().state()).isEqualTo(SpotifyLinkStatus.State.REVOKED);
        assertThat(rig.fake.count("PUT /v1/me/player/play")).isZero();
    }

    private void awaitFake(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake Spotify never became " + what + "; requests " + rig.fake.requests);
            }
            Thread.sleep(20);
        }
    }
}
