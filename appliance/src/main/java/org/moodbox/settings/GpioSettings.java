package org.moodbox.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the owner wired the box's button, status LED and presence sensor, as BCM GPIO numbers (the "GPIO17"
 * names, not header pin numbers), and whether to use them at all. Only 2..27 are offered: GPIO 0 and 1 are the
 * HAT EEPROM's I2C bus, which the firmware reads at boot, so a button there can stop a HAT from being found.
 *
 * @param enabled false leaves every pin alone (a box without buttons)
 */
public record GpioSettings(boolean enabled, int button, int statusLed, int presenceSensor) {
    static final int LOWEST = 2;
    static final int HIGHEST = 27;

    public GpioSettings {
        FieldErrors errors = new FieldErrors();
        Map<String, Integer> pins = new LinkedHashMap<>();
        pins.put("gpio.button", button);
        pins.put("gpio.statusLed", statusLed);
        pins.put("gpio.presenceSensor", presenceSensor);
        Map<Integer, String> taken = new LinkedHashMap<>();
        pins.forEach((field, pin) -> {
            if (pin < LOWEST || pin > HIGHEST) {
                errors.add(field, "must be a BCM GPIO number from " + LOWEST + " to " + HIGHEST + ", got " + pin);
            } else if (taken.containsKey(pin)) {
                errors.add(field, "GPIO" + pin + " is already the " + name(taken.get(pin)) + "; each part needs its own pin");
            } else {
                taken.put(pin, field);
            }
        });
        errors.throwIfAny();
    }

    /** Button GPIO17 (header pin 11), LED GPIO27 (pin 13), PIR sensor GPIO22 (pin 15): adjacent, away from I2C/SPI. */
    public static GpioSettings defaults() {
        return new GpioSettings(true, 17, 27, 22);
    }

    private static String name(String field) {
        return switch (field) {
            case "gpio.button" -> "button";
            case "gpio.statusLed" -> "status LED";
            default -> "presence sensor";
        };
    }
}
