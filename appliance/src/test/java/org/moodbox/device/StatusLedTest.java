package org.moodbox.device;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LED follows the state the appliance reports, polled every half second. */
class StatusLedTest {
    private static final long WAIT_MILLIS = 5000;

    private final MockGpioPlatform platform = new MockGpioPlatform();
    private final AtomicReference<LedState> serviceState = new AtomicReference<>(LedState.OFF);
    private final AtomicLong polls = new AtomicLong();
    private final NoDeviceEvents events = new NoDeviceEvents();
    private GpioBoard board;
    private MockDigitalOutput led;

    @BeforeEach
    void openBoard() {
        board = GpioBoard.open(GpioPins.defaults(), events, () -> {
            polls.incrementAndGet();
            return serviceState.get();
        }, platform, System::nanoTime);
        led = platform.statusLed();
    }

    @AfterEach
    void closeBoard() {
        board.close();
        assertThat(events.arrived).as("nobody pressed or moved").isEmpty();
    }

    /**
     * Returns once two more polls of the state have run on the board's one timer thread. They are
     * {@link GpioBoard#LED_POLL} apart, twice {@link StatusLed#BLINK_HALF_PERIOD}: a blink toggle still scheduled
     * on that thread would have run between them.
     */
    private void twoMorePolls() {
        long from = polls.get();
        Awaitility.await("two polls of the LED state").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10)).until(() -> polls.get() >= from + 2);
    }

    private void awaitPin(DigitalState expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (led.state() != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(led.state()).isEqualTo(expected);
    }

    @Test
    void onWhileTheCameraRunsAndOffOtherwise() throws Exception {
        awaitPin(LOW);
        serviceState.set(LedState.ON);
        awaitPin(HIGH);
        assertThat(board.ledState()).isEqualTo(LedState.ON);
        serviceState.set(LedState.OFF);
        awaitPin(LOW);
    }

    @Test
    void blinksOnErrorsAndStopsBlinkingWhenTheyClear() throws Exception {
        serviceState.set(LedState.BLINKING);
        Set<DigitalState> seen = EnumSet.noneOf(DigitalState.class);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        int changes = 0;
        DigitalState last = led.state();
        while (changes < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
            DigitalState now = led.state();
            seen.add(now);
            if (now != last) {
                changes++;
                last = now;
            }
        }
        assertThat(seen).contains(HIGH, LOW);
        assertThat(changes).as("the LED toggles while blinking").isGreaterThanOrEqualTo(4);

        serviceState.set(LedState.ON);
        awaitPin(HIGH);
        assertThat(GpioBoard.LED_POLL).isGreaterThanOrEqualTo(StatusLed.BLINK_HALF_PERIOD.multipliedBy(2));
        twoMorePolls();
        assertThat(led.state()).as("no toggling after the blink stopped").isEqualTo(HIGH);
    }

    @Test
    void closingTurnsTheLedOff() throws Exception {
        serviceState.set(LedState.ON);
        awaitPin(HIGH);
        board.close();
        assertThat(led.state()).isEqualTo(LOW);
    }
}
