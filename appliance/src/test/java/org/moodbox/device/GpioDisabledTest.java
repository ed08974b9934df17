package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way of having no GPIO ends in a clear "GPIO disabled: reason", never an exception. */
class GpioDisabledTest {
    @TempDir
    Path dev;

    private static GpioStatus openOn(GpioPlatform platform) {
        NoDeviceEvents events = new NoDeviceEvents();
        try (GpioBoard board = GpioBoard.open(GpioPins.defaults(), events, () -> LedState.ON,
                platform, System::nanoTime)) {
            assertThat(board.ledState()).isEqualTo(LedState.OFF);
            return board.status();
        } finally {
            assertThat(events.arrived).isEmpty();
        }
    }

    @Test
    void thisBuildMachineHasNoGpioAndSaysWhy() {
        GpiodPlatform platform = GpiodPlatform.ofThisMachine();
        GpioStatus status = openOn(platform);
        // CI runs on x86 without /dev/gpiochip*: the board says exactly what the platform found missing. On a Pi
        // with permission the platform finds nothing missing, and the board is on or says the driver failed.
        String expected = platform.whyUnavailable().map(why -> "GPIO disabled: " + why)
                .orElse(status.enabled() ? "GPIO enabled" : "GPIO disabled: Pi4J could not open the pins: ");
        assertThat(status.toString()).startsWith(expected).matches("GPIO (enabled|disabled: .+)");
    }

    @Test
    void turnedOffInTheSettings() {
        try (GpioBoard board = GpioBoard.open(GpioPins.disabled(), new NoDeviceEvents(), () -> LedState.ON,
                new MockGpioPlatform(), System::nanoTime)) {
            assertThat(board.status()).hasToString("GPIO disabled: turned off in the settings");
        }
    }

    @Test
    void noGpioChipDevice() {
        assertThat(openOn(new GpiodPlatform(dev, "Linux", "aarch64")).disabledReason())
                .isEqualTo("no GPIO chip in " + dev + " (not a Raspberry Pi?)");
    }

    @Test
    void aChipButNoNativeDriverForThisCpu() throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));
        assertThat(openOn(new GpiodPlatform(dev, "Linux", "amd64")).disabledReason())
                .isEqualTo("no Pi4J gpiod library for amd64");
    }

    @Test
    void notLinux() {
        assertThat(openOn(new GpiodPlatform(dev, "Mac OS X", "aarch64")).disabledReason()).isEqualTo("not Linux (Mac OS X)");
    }

    @Test
    void aDriverThatFailsToOpenThePins() throws Exception {
        // A chip file that is no chip: the real gpiod provider fails to open it (or to load its library on x86).
        Files.createFile(dev.resolve("gpiochip0"));
        GpioStatus status = openOn(new GpiodPlatform(dev, "Linux", "aarch64"));
        assertThat(status.enabled()).isFalse();
        assertThat(status.disabledReason()).startsWith("Pi4J could not open the pins: ");
    }

    @Test
    void aMissingNativeLibrary() {
        GpioPlatform broken = new GpioPlatform() {
            @Override
            public Optional<String> whyUnavailable() {
                return Optional.empty();
            }

            @Override
            public Context newContext() {
                throw new UnsatisfiedLinkError("libgpiod.so.2: cannot open shared object file");
            }
        };
        assertThat(openOn(broken).disabledReason())
                .isEqualTo("Pi4J could not open the pins: java.lang.UnsatisfiedLinkError: libgpiod.so.2: cannot open shared object file");
    }
}
