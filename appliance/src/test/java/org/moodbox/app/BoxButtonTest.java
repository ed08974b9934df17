package org.moodbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.model.Track;

/**
 * The button's timing (device.Button on Pi4J's mock pins, a hand-moved clock: the hold is exactly what the test
 * says) through the real BoxControls on real rooms: a short press is heard as a next track, a long one as a like.
 *
 * <p>"Nothing else happened" is shown by a later press: the controls act one event after the other on one
 * thread, so once the later press's track plays, every event before it has been acted on, and the controls'
 * lines list them all in order.
 */
class BoxButtonTest {
    @TempDir
    Path folder;
    private ControlsRig rig;

    @BeforeEach
    void wire() throws Exception {
        rig = new ControlsRig(folder);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private static String next(Track track) {
        return "button: next -> " + track.artist() + " - " + track.title();
    }

    private static String liked(Track track) {
        return "button: liked " + track.artist() + " - " + track.title();
    }

    @Test
    void aShortPressIsNextAndOnlyOne() throws Exception {
        rig.board.press(Duration.ofMillis(150));
        Track first = rig.waitUntilPlaying(null);
        Track marker = rig.pressNextAndAwaitIt();
        assertThat(rig.controlLines()).containsExactly(next(first), next(marker));
    }

    @Test
    void aLongPressIsLikeAndKeepsTheTrackPlaying() throws Exception {
        Track playing = rig.pressNextAndAwaitIt();
        rig.board.press(Duration.ofMillis(800));
        rig.board.press(Duration.ofSeconds(3));
        ControlsRig.waitFor(() -> rig.controlLines().size() == 3, "both likes acted on");
        assertThat(rig.controlLines()).containsExactly(next(playing), liked(playing), liked(playing));
        assertThat(rig.loaded()).as("a like does not move on").isEqualTo(playing);
        ControlsRig.waitFor(() -> rig.tally(playing.id()).likes() == 1, "the like in the catalog");
    }

    @Test
    void justUnderTheLongPressIsStillNext() throws Exception {
        rig.board.press(Duration.ofMillis(799));
        Track first = rig.waitUntilPlaying(null);
        assertThat(rig.controlLines()).containsExactly(next(first));
    }

    @Test
    void aContactBounceIsNoPress() throws Exception {
        rig.board.press(Duration.ofMillis(5));
        Track marker = rig.pressNextAndAwaitIt();
        assertThat(rig.controlLines()).as("only the later, real press").containsExactly(next(marker));
    }

    @Test
    void aBouncingPressCountsFromTheFirstContact() throws Exception {
        Track playing = rig.pressNextAndAwaitIt();
        rig.board.holdWithARepeatedLow(Duration.ofMillis(500), Duration.ofMillis(400));
        Track marker = rig.pressNextAndAwaitIt();
        assertThat(rig.controlLines()).as("500 + 400 ms from the first contact: a like")
                .containsExactly(next(playing), liked(playing), next(marker));
    }
}
