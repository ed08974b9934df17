package org.moodbox.device;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one push button: wired from the pin to ground with the internal pull-up, so pressed reads LOW.
 * Short press -> {@link DeviceEvents#onNext()}, long press -> {@link DeviceEvents#onLike()}.
 */
final class Button {
    private static final Logger LOG = LoggerFactory.getLogger(Button.class);

    private final DigitalInput input;

    Button(Context pi4j, GpioPins pins, DeviceEvents events, LongSupplier nanoClock) {
        PressClassifier classifier = new PressClassifier(pins.longPress(), pins.bounce());
        this.input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("moodbox-button").name("Moodbox button")
                .address(pins.button()).pull(PullResistance.PULL_UP));
        input.addListener(change -> {
            long now = nanoClock.getAsLong();
            if (change.state() == DigitalState.LOW) {
                classifier.pressed(now);
            } else if (change.state() == DigitalState.HIGH) {
                classifier.released(now).ifPresent(press -> {
                    LOG.info("button: {} press", press == PressClassifier.Press.LONG ? "long" : "short");
                    if (press == PressClassifier.Press.LONG) {
                        events.onLike();
                    } else {
                        events.onNext();
                    }
                });
            }
        });
    }

    DigitalInput input() {
        return input;
    }
}
