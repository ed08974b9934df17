package org.moodbox.device;

/**
 * Whether the box's buttons and lights work, for the log and the admin page.
 *
 * @param disabledReason why GPIO is off, or null when it is on
 */
public record GpioStatus(boolean enabled, String disabledReason) {
    static GpioStatus on() {
        return new GpioStatus(true, null);
    }

    static GpioStatus off(String reason) {
        return new GpioStatus(false, reason);
    }

    @Override
    public String toString() {
        return enabled ? "GPIO enabled" : "GPIO disabled: " + disabledReason;
    }
}
