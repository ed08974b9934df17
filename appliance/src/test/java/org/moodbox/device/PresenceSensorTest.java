package org.moodbox.device;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PIR sensor on mock pins with the real three-minute absence delay, on a clock the test moves by hand: no
 * test waits minutes, and no busy machine can make a correct sensor look wrong. A wait for an event that must
 * not come is bounded; a slow machine can only make such a check pass more slowly, never fail.
 */
class PresenceSensorTest {
    private static final Duration ABSENCE = GpioPins.defaults().absenceDelay();
    /** Several of the sensor's checks, for "nothing happens". */
    private static final Duration QUIET = PresenceSensor.CHECK_PERIOD.multipliedBy(5);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final MockGpioPlatform platform = new MockGpioPlatform();
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final AtomicLong nanos = new AtomicLong();
    private GpioBoard board;
    private MockDigitalInput pir;

    @BeforeEach
    void openBoard() {
        board = GpioBoard.open(GpioPins.defaults(), events, () -> LedState.OFF, platform, nanos::get);
        pir = platform.presenceSensor();
        pir.mockState(LOW);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private void advance(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void motionIsPresenceAtOnceAndStillnessIsAbsenceAfterTheDelay() throws Exception {
        assertThat(ABSENCE).isEqualTo(Duration.ofMinutes(3));
        pir.mockState(HIGH);
        assertThat(events.poll()).as("presence is reported on the sensor's own thread, at once").isEqualTo("present");

        pir.mockState(LOW);
        advance(ABSENCE.minusMillis(1));
        assertThat(events.next(QUIET)).as("a millisecond before the delay").isNull();
        advance(Duration.ofMillis(1));
        assertThat(events.next(PATIENCE)).isEqualTo("absent");
        assertThat(events.next(QUIET)).as("absence is said once").isNull();
    }

    @Test
    void motionDuringTheCountdownKeepsSomeoneThere() throws Exception {
        pir.mockState(HIGH);
        assertThat(events.poll()).isEqualTo("present");
        pir.mockState(LOW);
        advance(ABSENCE.dividedBy(2));
        pir.mockState(HIGH); // moved again: no second "present", and the countdown is off
        advance(ABSENCE.multipliedBy(2));
        assertThat(events.next(QUIET)).as("still moving, long past the delay").isNull();

        pir.mockState(LOW); // the countdown starts again from here, not from the first stillness
        advance(ABSENCE.minusSeconds(1));
        assertThat(events.next(QUIET)).isNull();
        advance(Duration.ofSeconds(1));
        assertThat(events.next(PATIENCE)).isEqualTo("absent");
        assertThat(events.next(QUIET)).isNull();
    }
}
