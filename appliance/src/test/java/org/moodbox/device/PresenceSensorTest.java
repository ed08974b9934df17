package org.moodbox.device;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PIR sensor on mock pins with a 300 ms absence delay and real time. */
class PresenceSensorTest {
    private static final Duration ABSENCE = Duration.ofMillis(300);

    private final MockGpioPlatform platform = new MockGpioPlatform();
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private GpioBoard board;
    private MockDigitalInput pir;

    @BeforeEach
    void openBoard() {
        GpioPins pins = GpioPins.defaults();
        pins = new GpioPins(true, pins.button(), pins.statusLed(), pins.presenceSensor(), pins.longPress(), pins.bounce(),
                ABSENCE);
        board = GpioBoard.open(pins, events, () -> LedState.OFF, platform, System::nanoTime);
        pir = platform.presenceSensor();
        pir.mockState(LOW);
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void motionIsPresenceAtOnceAndStillnessIsAbsenceAfterTheDelay() throws Exception {
        pir.mockState(HIGH);
        assertThat(events.poll()).as("presence is reported on the sensor's own thread, at once").isEqualTo("present");

        long stillSince = System.nanoTime();
        pir.mockState(LOW);
        assertThat(events.next(Duration.ofSeconds(5))).isEqualTo("absent");
        assertThat(Duration.ofNanos(System.nanoTime() - stillSince)).isGreaterThanOrEqualTo(ABSENCE);
    }

    @Test
    void motionDuringTheCountdownKeepsSomeoneThere() throws Exception {
        pir.mockState(HIGH);
        assertThat(events.poll()).isEqualTo("present");
        pir.mockState(LOW);
        Thread.sleep(ABSENCE.toMillis() / 2);
        pir.mockState(HIGH); // moved again: no second "present", and the countdown is off
        assertThat(events.next(ABSENCE.multipliedBy(2))).isNull();

        pir.mockState(LOW);
        assertThat(events.next(Duration.ofSeconds(5))).isEqualTo("absent");
        assertThat(events.next(ABSENCE.multipliedBy(2))).isNull();
    }
}
