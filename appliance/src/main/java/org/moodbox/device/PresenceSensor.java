package org.moodbox.device;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PIR motion sensor (HC-SR501 style: output HIGH while it sees motion). Motion means someone is there at
 * once; absence is only declared after {@link GpioPins#absenceDelay()} without motion, because a person
 * sitting still stops triggering the sensor within seconds and the screen must not sleep on them.
 *
 * <p>The delay is measured on the board's clock (the same one the button's presses are timed by) and looked
 * at every {@link #CHECK_PERIOD}: a test moves that clock by hand instead of waiting minutes.
 */
final class PresenceSensor {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceSensor.class);
    /** How often stillness is compared with the delay: absence is declared at most this late. */
    static final Duration CHECK_PERIOD = Duration.ofMillis(100);
    private static final long STILL_NEVER = Long.MIN_VALUE;

    private final DigitalInput input;
    private final DeviceEvents events;
    private final LongSupplier nanoClock;
    private final long absenceDelayNanos;
    private boolean present;
    /** When the sensor last went LOW while someone was there; {@link #STILL_NEVER} while there is motion. */
    private long stillSince = STILL_NEVER;

    PresenceSensor(Context pi4j, GpioPins pins, DeviceEvents events, ScheduledExecutorService timer,
                   LongSupplier nanoClock) {
        this.events = events;
        this.nanoClock = nanoClock;
        this.absenceDelayNanos = pins.absenceDelay().toNanos();
        this.input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("moodbox-presence").name("Moodbox PIR sensor")
                .address(pins.presenceSensor()).pull(PullResistance.PULL_DOWN));
        input.addListener(change -> {
            if (change.state() == DigitalState.HIGH) {
                motion();
            } else if (change.state() == DigitalState.LOW) {
                stillness();
            }
        });
        timer.scheduleWithFixedDelay(this::checkAbsence, CHECK_PERIOD.toMillis(), CHECK_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void motion() {
        stillSince = STILL_NEVER;
        if (!present) {
            present = true;
            LOG.info("presence: someone is there");
            events.onPresence(true);
        }
    }

    private synchronized void stillness() {
        if (present && stillSince == STILL_NEVER) {
            stillSince = nanoClock.getAsLong();
        }
    }

    private synchronized void checkAbsence() {
        if (present && stillSince != STILL_NEVER && nanoClock.getAsLong() - stillSince >= absenceDelayNanos
                && input.state() != DigitalState.HIGH) {
            present = false;
            stillSince = STILL_NEVER;
            LOG.info("presence: nobody has moved for {} s", absenceDelayNanos / 1_000_000_000L);
            events.onPresence(false);
        }
    }

    synchronized boolean present() {
        return present;
    }
}
