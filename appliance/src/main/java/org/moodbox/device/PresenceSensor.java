package org.moodbox.device;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PIR motion sensor (HC-SR501 style: output HIGH while it sees motion). Motion means someone is there at
 * once; absence is only declared after {@link GpioPins#absenceDelay()} without motion, because a person
 * sitting still stops triggering the sensor within seconds and the screen must not sleep on them.
 */
final class PresenceSensor {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceSensor.class);

    private final DigitalInput input;
    private final DeviceEvents events;
    private final ScheduledExecutorService timer;
    private final long absenceDelayMillis;
    private boolean present;
    private ScheduledFuture<?> absenceCountdown;

    PresenceSensor(Context pi4j, GpioPins pins, DeviceEvents events, ScheduledExecutorService timer) {
        this.events = events;
        this.timer = timer;
        this.absenceDelayMillis = pins.absenceDelay().toMillis();
        this.input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("moodbox-presence").name("Moodbox PIR sensor")
                .address(pins.presenceSensor()).pull(PullResistance.PULL_DOWN));
        input.addListener(change -> {
            if (change.state() == DigitalState.HIGH) {
                motion();
            } else if (change.state() == DigitalState.LOW) {
                stillness();
            }
        });
    }

    private synchronized void motion() {
        if (absenceCountdown != null) {
            absenceCountdown.cancel(false);
            absenceCountdown = null;
        }
        if (!present) {
            present = true;
            LOG.info("presence: someone is there");
            events.onPresence(true);
        }
    }

    private synchronized void stillness() {
        if (present && absenceCountdown == null) {
            absenceCountdown = timer.schedule(this::absent, absenceDelayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void absent() {
        absenceCountdown = null;
        if (present && input.state() != DigitalState.HIGH) {
            present = false;
            LOG.info("presence: nobody has moved for {} s", absenceDelayMillis / 1000);
            events.onPresence(false);
        }
    }

    synchronized boolean present() {
        return present;
    }
}
