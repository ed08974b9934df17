package org.moodbox.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The {@code gpio} object of the settings JSON, read field by field like the rest ({@link SettingsJson}). */
final class GpioSettingsJson {
    private static final Set<String> FIELDS = Set.of("enabled", "button", "statusLed", "presenceSensor");

    private GpioSettingsJson() {
    }

    static void write(ObjectNode node, GpioSettings gpio) {
        node.put("enabled", gpio.enabled());
        node.put("button", gpio.button());
        node.put("statusLed", gpio.statusLed());
        node.put("presenceSensor", gpio.presenceSensor());
    }

    /** Fields absent keep the base's value; returns null (with the problems in {@code errors}) when invalid. */
    static GpioSettings read(FieldErrors errors, JsonNode node, GpioSettings base) {
        if (node == null) {
            return base;
        }
        if (!node.isObject()) {
            errors.add("gpio", "must be an object like {\"enabled\": true, \"button\": 17, \"statusLed\": 27, "
                    + "\"presenceSensor\": 22}");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add("gpio." + name, "is not a GPIO setting; use enabled, button, statusLed and presenceSensor");
            }
        });
        boolean enabled = base.enabled();
        JsonNode on = node.get("enabled");
        if (on != null) {
            if (on.isBoolean()) {
                enabled = on.booleanValue();
            } else {
                errors.add("gpio.enabled", "must be true or false, got " + on);
            }
        }
        int button = pin(errors, node, "button", base.button());
        int led = pin(errors, node, "statusLed", base.statusLed());
        int sensor = pin(errors, node, "presenceSensor", base.presenceSensor());
        try {
            return new GpioSettings(enabled, button, led, sensor);
        } catch (InvalidSettingsException e) {
            e.fieldErrors().forEach(errors::add);
            return null;
        }
    }

    private static int pin(FieldErrors errors, JsonNode node, String field, int base) {
        JsonNode value = node.get(field);
        if (value == null) {
            return base;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add("gpio." + field, "must be a whole BCM GPIO number like 17, got " + value);
            return base;
        }
        return value.intValue();
    }
}
