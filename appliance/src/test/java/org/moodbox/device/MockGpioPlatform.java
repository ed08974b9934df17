package org.moodbox.device;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.Optional;

/** Pi4J's own mock platform (FINDINGS.md), keeping the context so tests can reach the pins it made. */
final class MockGpioPlatform implements GpioPlatform {
    private Context context;

    @Override
    public Optional<String> whyUnavailable() {
        return Optional.empty();
    }

    @Override
    public Context newContext() {
        context = Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        return context;
    }

    MockDigitalInput button() {
        return context.registry().get("moodbox-button", MockDigitalInput.class);
    }

    MockDigitalInput presenceSensor() {
        return context.registry().get("moodbox-presence", MockDigitalInput.class);
    }

    MockDigitalOutput statusLed() {
        return context.registry().get("moodbox-status-led", MockDigitalOutput.class);
    }
}
