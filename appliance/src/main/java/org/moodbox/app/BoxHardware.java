package org.moodbox.app;

import java.util.function.Supplier;
import org.moodbox.device.GpioBoard;
import org.moodbox.device.GpioPins;
import org.moodbox.device.GpioStatus;
import org.moodbox.device.LedState;
import org.moodbox.settings.GpioSettings;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's GPIO board on the pins the owner saved, opened again when the owner saves other pins (a button
 * moved to another pin works without a restart). Pins given on the command line ({@code --gpio-pins},
 * {@code --no-gpio}) win over the settings and stay fixed.
 */
final class BoxHardware implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoxHardware.class);

    private final BoxControls controls;
    private final Supplier<LedState> ledState;
    private GpioBoard board;
    private boolean closed;

    private BoxHardware(BoxControls controls, Supplier<LedState> ledState) {
        this.controls = controls;
        this.ledState = ledState;
    }

    /** @param fixedPins pins from the command line, or null to follow the settings */
    static BoxHardware open(GpioPins fixedPins, SettingsStore settings, BoxControls controls,
                            Supplier<LedState> ledState) {
        BoxHardware hardware = new BoxHardware(controls, ledState);
        if (fixedPins != null) {
            hardware.board = GpioBoard.open(fixedPins, controls, ledState);
        } else {
            settings.follow(Settings::gpio, hardware::follow);
        }
        return hardware;
    }

    /** The settings' pins as the device room's wiring (its press and absence timings stay its own). */
    static GpioPins pinsOf(GpioSettings gpio) {
        GpioPins base = gpio.enabled() ? GpioPins.defaults() : GpioPins.disabled();
        return base.withPins(gpio.button(), gpio.statusLed(), gpio.presenceSensor());
    }

    private synchronized void follow(GpioSettings gpio) {
        if (closed) {
            return; // the settings store tells only of changed pins (most saves leave them open)
        }
        if (board != null) {
            LOG.info("GPIO pins changed in the settings: opening them again");
            board.close();
        }
        board = GpioBoard.open(pinsOf(gpio), controls, ledState);
    }

    synchronized GpioStatus status() {
        return board.status();
    }

    synchronized GpioBoard board() {
        return board;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (board != null) {
            board.close();
        }
        controls.close();
    }
}
