package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GpioPinsTest {
    @Test
    void defaultsAreTheDocumentedBcmPins() {
        GpioPins pins = GpioPins.defaults();
        assertThat(pins.enabled()).isTrue();
        assertThat(new int[] {pins.button(), pins.statusLed(), pins.presenceSensor()}).containsExactly(17, 27, 22);
    }

    @Test
    void rejectsPinsOffTheHeaderAndSharedPins() {
        assertThatThrownBy(() -> GpioPins.defaults().withPins(17, 40, 22)).hasMessageContaining("GPIO 40");
        assertThatThrownBy(() -> GpioPins.defaults().withPins(17, 17, 22)).hasMessageContaining("three different pins");
    }
}
