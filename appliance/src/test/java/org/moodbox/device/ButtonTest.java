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

/** The button on Pi4J's mock pins with a hand-moved clock: the hold time is exactly what the test says. */
class ButtonTest {
    private final AtomicLong nanos = new AtomicLong();
    private final MockGpioPlatform platform = new MockGpioPlatform();
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private GpioBoard board;
    private MockDigitalInput button;

    @BeforeEach
    void openBoard() {
        board = GpioBoard.open(GpioPins.defaults(), events, () -> LedState.OFF, platform, nanos::get);
        button = platform.button();
        button.mockState(HIGH); // idle: the pull-up holds the open button high
    }

    @AfterEach
    void closeBoard() {
        board.close();
    }

    private void hold(Duration held) {
        button.mockState(LOW);
        nanos.addAndGet(held.toNanos());
        button.mockState(HIGH);
    }

    @Test
    void aShortPressIsNext() {
        hold(Duration.ofMillis(150));
        assertThat(events.poll()).isEqualTo("next");
        assertThat(events.poll()).isNull();
    }

    @Test
    void aLongPressIsLike() {
        hold(Duration.ofMillis(800));
        hold(Duration.ofSeconds(3));
        assertThat(events.poll()).isEqualTo("like");
        assertThat(events.poll()).isEqualTo("like");
        assertThat(events.poll()).isNull();
    }

    @Test
    void justUnderTheLongPressIsStillNext() {
        hold(Duration.ofMillis(799));
        assertThat(events.poll()).isEqualTo("next");
    }

    @Test
    void aContactBounceIsNoPress() {
        hold(Duration.ofMillis(5));
        assertThat(events.poll()).isNull();
    }

    @Test
    void aBouncingPressCountsFromTheFirstContact() {
        button.mockState(LOW);
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        button.mockState(LOW); // a repeated low report must not restart the hold
        nanos.addAndGet(Duration.ofMillis(400).toNanos());
        button.mockState(HIGH);
        assertThat(events.poll()).isEqualTo("like");
    }
}
