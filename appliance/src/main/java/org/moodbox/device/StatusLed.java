package org.moodbox.device;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The status LED (active high). Blinking toggles on the shared device timer, so no thread per LED. */
final class StatusLed {
    static final Duration BLINK_HALF_PERIOD = Duration.ofMillis(250);

    private final DigitalOutput output;
    private final ScheduledExecutorService timer;
    private LedState state = LedState.OFF;
    private ScheduledFuture<?> blinking;

    StatusLed(Context pi4j, GpioPins pins, ScheduledExecutorService timer) {
        this.timer = timer;
        this.output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("moodbox-status-led").name("Moodbox status LED")
                .address(pins.statusLed()).initial(DigitalState.LOW).shutdown(DigitalState.LOW));
    }

    synchronized void show(LedState next) {
        if (next == state) {
            return; // polled every half second: only a change touches the pin
        }
        state = next;
        if (blinking != null) {
            blinking.cancel(false);
            blinking = null;
        }
        switch (next) {
            case OFF -> output.low();
            case ON -> output.high();
            case BLINKING -> blinking = timer.scheduleAtFixedRate(this::toggle, 0, BLINK_HALF_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void toggle() {
        if (state == LedState.BLINKING) {
            output.toggle();
        }
    }

    synchronized LedState state() {
        return state;
    }

    DigitalOutput output() {
        return output;
    }
}
