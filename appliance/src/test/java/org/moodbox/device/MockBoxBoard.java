package org.moodbox.device;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * A {@link GpioBoard} on Pi4J's mock platform for tests outside this package (the composition root's wiring):
 * the same board the box opens, with the button and the sensor moved by the test and a hand-moved clock.
 */
public final class MockBoxBoard implements AutoCloseable {
    private final MockGpioPlatform platform = new MockGpioPlatform();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong ledPolls = new AtomicLong();
    private final GpioBoard board;

    public MockBoxBoard(GpioPins pins, DeviceEvents events, Supplier<LedState> ledState) {
        board = GpioBoard.open(pins, events, () -> {
            ledPolls.incrementAndGet();
            return ledState.get();
        }, platform, nanos::get);
        platform.button().mockState(DigitalState.HIGH); // the pull-up holds the open button high
        platform.presenceSensor().mockState(DigitalState.LOW);
    }

    /** Presses the button for this long (800 ms and more is a long press with the default pins). */
    public void press(Duration held) {
        platform.button().mockState(DigitalState.LOW);
        nanos.addAndGet(held.toNanos());
        platform.button().mockState(DigitalState.HIGH);
    }

    /**
     * A press whose contact reports low twice (a bounce while held): low, FIRST later low again, SECOND later
     * released. The hold counts from the first contact.
     */
    public void holdWithARepeatedLow(Duration first, Duration second) {
        platform.button().mockState(DigitalState.LOW);
        nanos.addAndGet(first.toNanos());
        platform.button().mockState(DigitalState.LOW);
        nanos.addAndGet(second.toNanos());
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

    /**
     * Returns once the board's one timer thread has run every check that was due when called: two polls of the LED
     * state pass ({@link GpioBoard#LED_POLL} apart), and the presence sensor's checks, due every
     * {@link PresenceSensor#CHECK_PERIOD}, run in between on the same thread. Whatever the sensor was going to
     * report after the test's last move of the clock or the pins, it has reported by then.
     */
    public void settleTimer() {
        long from = ledPolls.get();
        Awaitility.await("two polls of the LED state").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10)).until(() -> ledPolls.get() >= from + 2);
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
