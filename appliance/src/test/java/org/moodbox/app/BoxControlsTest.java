package org.moodbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.PlayTally;
import org.moodbox.model.Track;
import org.moodbox.device.GpioPins;
import org.moodbox.device.MockBoxBoard;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.Player;

/** What the button and the sensor do to the rooms, on the real rooms wired as the appliance wires them (ControlsRig). */
class BoxControlsTest {
    private static final Duration SHORT = ControlsRig.SHORT;
    private static final Duration LONG = ControlsRig.LONG;

    @TempDir
    Path folder;

    private ControlsRig rig;
    private Catalog catalog;
    private Player player;
    private MockBoxBoard board;
    private List<Boolean> presence;

    @BeforeEach
    void wire() throws Exception {
        rig = new ControlsRig(folder);
        catalog = rig.catalog;
        player = rig.player;
        board = rig.board;
        presence = rig.presence;
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aShortPressPlaysTheNextRecommendedTrackAndCountsTheOldOneAsSkipped() throws Exception {
        board.press(SHORT);
        Track first = waitUntilPlaying(null);
        // The play is recorded right after the player starts (and announces PLAYING): wait for the row.
        waitFor(() -> catalog.playCount(first.id()) == 1, "the first play recorded");

        board.press(SHORT);
        Track second = waitUntilPlaying(first);
        assertThat(second.id()).isNotEqualTo(first.id());
        waitFor(() -> tally(first.id()).skips() == 1, "the first track marked as skipped");
        assertThat(tally(first.id()).likes()).isZero();
    }

    @Test
    void aSongPlaysEvenWhenItsPlayCannotBeRecorded() throws Exception {
        // The SD card refuses the history write (here: a trigger failing every insert into plays, the way a full
        // or failing card fails it); the song must start all the same.
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + catalog.file());
             java.sql.Statement s = other.createStatement()) {
            s.execute("CREATE TRIGGER refuse_plays BEFORE INSERT ON plays BEGIN SELECT RAISE(ABORT, "
                    + "'database or disk is full'); END");
        }
        Track track = catalog.allTracks().get(0);
        player.play(track);
        waitFor(() -> player.state().status() == org.moodbox.playback.PlaybackState.Status.PLAYING,
                "the song plays");
        waitFor(() -> org.moodbox.device.BoxNotices.current().stream().anyMatch(n -> n.topic().equals("storage")),
                "the owner's notice that storage is full");
        assertThat(catalog.playCount(track.id())).isZero();
        assertThat(player.state().status()).isEqualTo(org.moodbox.playback.PlaybackState.Status.PLAYING);
        org.moodbox.device.BoxNotices.clear("storage");
    }

    @Test
    void aLongPressLikesThePlayingTrackAndKeepsItPlaying() throws Exception {
        board.press(SHORT);
        Track playing = waitUntilPlaying(null);

        board.press(LONG);
        waitFor(() -> tally(playing.id()).likes() == 1, "a like on the playing track");
        assertThat(player.state().track().id()).isEqualTo(playing.id());
        assertThat(catalog.playCount(playing.id())).as("a like marks the play, it is no second play").isEqualTo(1);
    }

    @Test
    void aLongPressWithNothingPlayingChangesNothing() throws Exception {
        board.press(LONG);
        board.press(SHORT); // the controls work one press after the other: once this plays, the like was handled
        Track played = waitUntilPlaying(null);
        waitFor(() -> catalog.playCount(played.id()) == 1, "the play recorded");
        assertThat(catalog.playTallies()).as("no feedback without a playing track").isEmpty();
    }

    /**
     * Before: "rest" was checked as "nothing happened within 300 ms", which a box that never rests passes too.
     * Now the board's clock is moved past the sensor's delay and the room's listeners must hear "nobody".
     */
    @Test
    void motionWakesAndStillnessLetsTheRoomRestAfterTheDelay() throws Exception {
        board.motion(true);
        waitFor(() -> presence.equals(List.of(true)), "someone is there");
        board.motion(false);
        board.advance(GpioPins.defaults().absenceDelay().minusSeconds(1));
        board.motion(true); // someone still there, moving again within the delay
        board.motion(false);
        board.advance(GpioPins.defaults().absenceDelay());
        waitFor(() -> presence.size() > 1, "the room told that nobody is there");
        assertThat(presence).containsExactly(true, false);
    }

    private PlayTally tally(long trackId) {
        return rig.tally(trackId);
    }

    private Track waitUntilPlaying(Track previous) throws InterruptedException {
        return rig.waitUntilPlaying(previous);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        ControlsRig.waitFor(condition, what);
    }
}
