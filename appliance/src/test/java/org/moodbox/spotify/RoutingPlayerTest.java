package org.moodbox.spotify;

import org.moodbox.model.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.TestAudio;
import org.moodbox.model.Track;
import org.moodbox.playback.AudioOutput;
import org.moodbox.playback.LocalFilePlayer;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.playback.RoutingPlayer;

/**
 * The kiosk's one player over two real ones, as the appliance wires it: the local file player on the null sink
 * and the Connect player against the fake Spotify. (It lives beside the fake, in the Spotify test package.)
 */
class RoutingPlayerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NULL_SINK = "null sink (no sound device)";

    @TempDir
    Path data;
    private final PollCountingWorker worker = new PollCountingWorker();
    private SpotifyRig rig;
    private LocalFilePlayer local;
    private ConnectPlayer connect;
    private RoutingPlayer router;
    private Track song;
    private final List<PlaybackState> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rig = new SpotifyRig(data, Duration.ofSeconds(2));
        rig.link();
        local = new LocalFilePlayer(0.8, AudioOutput.nullSink());
        connect = new ConnectPlayer(rig.web, () -> Optional.of("Moodbox"), 0.8, 0.8, ConnectPlayerTest.POLL, worker);
        router = new RoutingPlayer(local, connect);
        router.subscribe(heard::add);
        Path file = TestAudio.write(data.resolve("chord.wav"), TestAudio.tones(20, 0.2, 220, 275, 330), Map.of());
        song = new Track(1, SourceKind.LOCAL, file.toUri().toString(), "Chord", "Tester", null, null, "instrumental", 20,
                false, null, null);
    }

    @AfterEach
    void stop() {
        if (router != null) {
            router.close();
        }
        rig.close();
    }

    private PlaybackState await(String what, Predicate<PlaybackState> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(router.state())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + what + "; router " + router.state() + "; heard " + heard);
            }
            Thread.sleep(20);
        }
        return router.state();
    }

    private PlaybackState awaitLocalAudible() throws InterruptedException {
        return await("playing the local chord", s -> s.status() == Status.PLAYING && s.track() == song
                && NULL_SINK.equals(s.output()) && s.positionSeconds() > 0);
    }

    @Test
    void localTracksPlayLocallyAndSpotifyIsNotAsked() throws Exception {
        router.play(song);
        awaitLocalAudible();
        assertThat(local.state().status()).isEqualTo(Status.PLAYING);
        assertThat(connect.state().status()).isEqualTo(Status.STOPPED);
        assertThat(rig.fake.count("GET /v1/me/player")).isZero();
        assertThat(rig.fake.count("PUT /v1/me/player")).isZero();
    }

    @Test
    void aSpotifyTrackStopsTheLocalOneAndPlaysOverConnect() throws Exception {
        router.setVolume(0.5);
        router.play(song);
        awaitLocalAudible();

        Track spotify = ConnectPlayerTest.spotifyTrack("routed");
        router.play(spotify);
        assertThat(local.state().status()).isEqualTo(Status.STOPPED);
        PlaybackState playing = await("playing over Connect",
                s -> s.status() == Status.PLAYING && "Spotify Connect: Moodbox".equals(s.output()));
        assertThat(playing.track()).isEqualTo(spotify);
        assertThat(rig.fake.player.trackUri()).isEqualTo("spotify:track:routed");
        // The listener's volume goes along to the other player.
        assertThat(playing.volume()).isEqualTo(0.5);
        assertThat(rig.fake.player.volume("dev-box")).isEqualTo(50);

        // From the switch on, listeners hear only the Connect player: the local one's later news is not theirs.
        int seen = heard.size();
        local.play(song); // as if a stray local event arrived: it must not reach the screen
        assertThat(heard.subList(seen, heard.size())).noneMatch(s -> s.track() == song);
        assertThat(router.state().track()).isEqualTo(spotify);
        local.stop();

        // Pause and resume go to the player in use.
        router.pause();
        await("paused", s -> s.status() == Status.PAUSED);
        awaitFake(() -> !rig.fake.player.playing());
        router.resume();
        awaitFake(rig.fake.player::playing);
    }

    @Test
    void backToALocalTrackStopsSpotifyAndTheScreenFollowsTheLocalPlayer() throws Exception {
        // The listener taps a local song while Spotify is still being asked to start the first: the Connect
        // player's late "started" must not take the screen back, and Spotify must end up paused.
        router.play(ConnectPlayerTest.spotifyTrack("first"));
        assertThat(router.state().status()).isEqualTo(Status.PLAYING);
        awaitFake(rig.fake.player::playing);

        router.play(song);
        awaitLocalAudible();
        awaitFake(() -> !rig.fake.player.playing()); // Spotify was paused, not left playing over the local song
        assertThat(connect.state().status()).isEqualTo(Status.STOPPED);
        // Every state the screen heard after the switch is the local player's or the stop of Spotify's, in order:
        // the last word is the local song playing.
        assertThat(heard.get(heard.size() - 1).track()).isEqualTo(song);

        // Spotify ending its (paused) track later changes nothing on the screen.
        rig.fake.player.endTrack();
        worker.awaitTwoMorePolls();
        assertThat(router.state().track()).isEqualTo(song);
        assertThat(router.state().status()).isEqualTo(Status.PLAYING);
    }

    @Test
    void aFailingSpotifyShowsItsErrorThenTheLocalLibraryStillPlays() throws Exception {
        rig.fake.inject("/v1/me/player/play", "500");
        router.play(ConnectPlayerTest.spotifyTrack("broken"));
        PlaybackState failed = await("stopped with Spotify's error", s -> s.status() == Status.STOPPED && s.error() != null);
        assertThat(failed.error()).contains("Spotify could not play");
        assertThat(heard).anySatisfy(s -> assertThat(s.error()).contains("Spotify could not play"));

        router.play(song);
        PlaybackState local = awaitLocalAudible();
        assertThat(local.error()).isNull();
    }

    @Test
    void theOwnersCapReachesBothPlayers() throws Exception {
        router.setVolumeCap(0.3);
        assertThat(local.state().volume()).isEqualTo(0.3);
        assertThat(connect.state().volume()).isEqualTo(0.3);
        router.play(ConnectPlayerTest.spotifyTrack("capped"));
        await("playing over Connect", s -> s.status() == Status.PLAYING && s.output().startsWith("Spotify Connect"));
        router.setVolume(1.0);
        assertThat(router.state().volume()).isEqualTo(0.3);
        awaitFake(() -> Integer.valueOf(30).equals(rig.fake.player.volume("dev-box")));
    }

    private void awaitFake(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake Spotify never got there; requests " + rig.fake.requests
                        + "; router " + router.state());
            }
            Thread.sleep(20);
        }
    }
}
