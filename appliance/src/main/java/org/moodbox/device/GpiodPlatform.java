package org.moodbox.device;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GPIO through the Linux character device (/dev/gpiochipN) with Pi4J's libgpiod plugin: it works on the
 * Pi 4 and the Pi 5 (pigpio does not support the Pi 5; sysfs GPIO is deprecated). The providers are added
 * by hand rather than auto-detected, so nothing else on the class path can change which driver is used.
 * Pi4J's gpiod library ships natives for arm64 and armhf only and needs the Debian package libgpiod2.
 */
final class GpiodPlatform implements GpioPlatform {
    private static final List<String> ARCHES_WITH_NATIVES = List.of("aarch64", "arm");

    private final Path dev;
    private final String osName;
    private final String osArch;

    GpiodPlatform(Path dev, String osName, String osArch) {
        this.dev = dev;
        this.osName = osName;
        this.osArch = osArch;
    }

    static GpiodPlatform ofThisMachine() {
        return new GpiodPlatform(Path.of("/dev"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    @Override
    public Optional<String> whyUnavailable() {
        if (!"Linux".equals(osName)) {
            return Optional.of("not Linux (" + osName + ")");
        }
        List<Path> chips = gpioChips();
        if (chips.isEmpty()) {
            return Optional.of("no GPIO chip in " + dev + " (not a Raspberry Pi?)");
        }
        if (!ARCHES_WITH_NATIVES.contains(osArch)) {
            return Optional.of("no Pi4J gpiod library for " + osArch);
        }
        for (Path chip : chips) {
            if (!Files.isReadable(chip) || !Files.isWritable(chip)) {
                return Optional.of("no permission on " + chip + " (the service user needs the gpio group)");
            }
        }
        return Optional.empty();
    }

    private List<Path> gpioChips() {
        try (Stream<Path> entries = Files.list(dev)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("gpiochip")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Context newContext() {
        return Pi4J.newContextBuilder().noAutoDetect()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                .build();
    }
}
