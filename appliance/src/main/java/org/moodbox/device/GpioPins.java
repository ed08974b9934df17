package org.moodbox.device;

import java.time.Duration;

/**
 * Where the parts are wired and how they behave. Pin numbers are BCM (the "GPIO17" names), not header pins.
 * Defaults: the button on GPIO17 (header pin 11) to ground, using the internal pull-up; the status LED on
 * GPIO27 (pin 13) through a resistor to ground; the PIR sensor's output on GPIO22 (pin 15), 3.3 V logic.
 *
 * @param enabled       false turns GPIO off on purpose (a box without buttons)
 * @param longPress     a press held at least this long is a "like" rather than "next"
 * @param bounce        contacts that close for less than this are noise, not a press
 * @param absenceDelay  no motion for this long means nobody is there
 */
public record GpioPins(boolean enabled, int button, int statusLed, int presenceSensor, Duration longPress,
                       Duration bounce, Duration absenceDelay) {

    /** BCM GPIO numbers on the 40-pin header: 0..27. */
    private static final int HIGHEST_HEADER_GPIO = 27;

    public GpioPins {
        for (int pin : new int[] {button, statusLed, presenceSensor}) {
            if (pin < 0 || pin > HIGHEST_HEADER_GPIO) {
                throw new IllegalArgumentException("GPIO " + pin + " is not a BCM pin on the header (0.." + HIGHEST_HEADER_GPIO + ")");
            }
        }
        if (button == statusLed || button == presenceSensor || statusLed == presenceSensor) {
            throw new IllegalArgumentException("button, status LED and presence sensor need three different pins, got "
                    + button + ", " + statusLed + ", " + presenceSensor);
        }
        if (bounce.isNegative() || longPress.compareTo(bounce) <= 0 || absenceDelay.isNegative()) {
            throw new IllegalArgumentException("durations must be positive and the long press longer than the bounce");
        }
    }

    public static GpioPins defaults() {
        return new GpioPins(true, 17, 27, 22, Duration.ofMillis(800), Duration.ofMillis(30), Duration.ofMinutes(3));
    }

    public static GpioPins disabled() {
        GpioPins pins = defaults();
        return new GpioPins(false, pins.button, pins.statusLed, pins.presenceSensor, pins.longPress, pins.bounce,
                pins.absenceDelay);
    }

    public GpioPins withPins(int button, int statusLed, int presenceSensor) {
        return new GpioPins(enabled, button, statusLed, presenceSensor, longPress, bounce, absenceDelay);
    }
}
