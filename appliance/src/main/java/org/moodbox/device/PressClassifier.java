package org.moodbox.device;

import java.time.Duration;
import java.util.Optional;

/**
 * Turns press and release times into short or long presses. Decided on release, so a press is one event
 * whatever the hold; times come from a monotonic clock (nanoseconds), so tests can play them.
 */
final class PressClassifier {
    enum Press { SHORT, LONG }

    private final long longPressNanos;
    private final long bounceNanos;
    private long pressedAt;
    private boolean down;

    PressClassifier(Duration longPress, Duration bounce) {
        this.longPressNanos = longPress.toNanos();
        this.bounceNanos = bounce.toNanos();
    }

    void pressed(long nanos) {
        if (!down) { // a repeated "pressed" (bouncing contact) keeps the first time
            down = true;
            pressedAt = nanos;
        }
    }

    /** The press that just ended, or empty for a release without a press or a contact bounce. */
    Optional<Press> released(long nanos) {
        if (!down) {
            return Optional.empty();
        }
        down = false;
        long held = nanos - pressedAt;
        if (held < bounceNanos) {
            return Optional.empty();
        }
        return Optional.of(held >= longPressNanos ? Press.LONG : Press.SHORT);
    }
}
