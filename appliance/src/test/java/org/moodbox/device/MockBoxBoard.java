package org.moodbox.device;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A {@link GpioBoard} on Pi4J's mock platform for tests outside this package (the composition root's wiring):
 * the same board the box opens, with the button and the sensor moved by the test and a hand-moved clock.
 */
public final class MockBoxBoard implements AutoCloseable {
    private final MockGpioPlatform platform = new MockGpioPlatform();
    private final AtomicLong nanos = new AtomicLong();
    private final GpioBoard board;

    public MockBoxBoard(GpioPins pins, DeviceEvents events, Supplier<LedState> ledState) {
        board = GpioBoard.open(pins, events, ledState, platform, nanos::get);
        platform.button().mockState(DigitalState.HIGH); // the pull-up holds the open button high
        platform.presenceSensor().mockState(DigitalState.LOW);
    }

    /** Presses the button for this long (800 ms and more is a long press with the default pins). */
    public void press(Duration held) {
        platform.button().mockState(DigitalState.LOW);
        nanos.addAndGet(held.toNanos());
        platform.button().mockState(DigitalState.HIGH);
    }

    /** Moves the board's clock (the button's press timing, the presence sensor's absence delay). */
    public void advance(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    /** The PIR sensor's output: high while it sees motion. */
    public void motion(boolean moving) {
        platform.presenceSensor().mockState(moving ? DigitalState.HIGH : DigitalState.LOW);
    }

    public boolean ledLit() {
        return platform.statusLed().state() == DigitalState.HIGH;
    }

    public GpioStatus status() {
        return board.status();
    }

    @Override
    public void close() {
        board.close();
    }
}
