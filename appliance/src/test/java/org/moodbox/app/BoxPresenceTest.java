package org.moodbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.device.GpioPins;

/**
 * The PIR sensor (device.PresenceSensor on mock pins, the real three-minute absence delay on a clock the test
 * moves by hand) through the real BoxControls to the room's presence listeners: motion is presence at once,
 * stillness is absence only after the delay.
 *
 * <p>"Nothing happened" is shown by events that must come after it, never by waiting a while: the board's timer
 * runs the sensor's checks between two polls of the LED ({@code settleTimer}), and then a "next" goes through the
 * controls' one thread behind whatever the sensor reported; once its track plays, the listeners have heard it all.
 */
class BoxPresenceTest {
    private static final Duration ABSENCE = GpioPins.defaults().absenceDelay();

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

    /** Every presence news the sensor had for the clock and pins as they are now, delivered to the listeners. */
    private List<Boolean> heardSoFar() throws InterruptedException {
        rig.board.settleTimer();
        rig.askNextAndAwaitIt();
        return List.copyOf(rig.presence);
    }

    @Test
    void motionIsPresenceAtOnceAndStillnessIsAbsenceAfterTheDelay() throws Exception {
        assertThat(ABSENCE).isEqualTo(Duration.ofMinutes(3));
        rig.board.motion(true);
        ControlsRig.waitFor(() -> rig.presence.equals(List.of(true)), "someone is there");

        rig.board.motion(false);
        rig.board.advance(ABSENCE.minusMillis(1));
        assertThat(heardSoFar()).as("a millisecond before the delay").containsExactly(true);
        rig.board.advance(Duration.ofMillis(1));
        ControlsRig.waitFor(() -> rig.presence.size() == 2, "nobody there");
        assertThat(rig.presence).containsExactly(true, false);
        assertThat(heardSoFar()).as("absence is said once").containsExactly(true, false);
    }

    @Test
    void motionDuringTheCountdownKeepsSomeoneThere() throws Exception {
        rig.board.motion(true);
        ControlsRig.waitFor(() -> rig.presence.equals(List.of(true)), "someone is there");
        rig.board.motion(false);
        rig.board.advance(ABSENCE.dividedBy(2));
        rig.board.motion(true); // moved again: no second "present", and the countdown is off
        rig.board.advance(ABSENCE.multipliedBy(2));
        assertThat(heardSoFar()).as("still moving, long past the delay").containsExactly(true);

        rig.board.motion(false); // the countdown starts again from here, not from the first stillness
        rig.board.advance(ABSENCE.minusSeconds(1));
        assertThat(heardSoFar()).containsExactly(true);
        rig.board.advance(Duration.ofSeconds(1));
        ControlsRig.waitFor(() -> rig.presence.size() == 2, "nobody there");
        assertThat(heardSoFar()).containsExactly(true, false);
    }
}
