package org.moodbox.device;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CPU temperature as Linux publishes it in {@code /sys/class/thermal/thermal_zone*}: {@code temp} in
 * millidegrees Celsius, {@code type} naming the zone. A Pi throttles at 80-85 °C, so the owner wants this
 * number when the box feels slow. Containers and some laptops have no readable zone: then it is empty and the
 * page says "not readable".
 */
public final class CpuTemperature {
    public static final Path SYS_THERMAL = Path.of("/sys/class/thermal");

    private CpuTemperature() {
    }

    /** @param celsius degrees; @param zone the zone's type, such as "cpu-thermal" or "x86_pkg_temp" */
    public record Reading(double celsius, String zone) {
    }

    /**
     * The hottest readable zone of a CPU-like type, else the hottest readable zone of any type (a Pi has only
     * "cpu-thermal"; a PC has several, of which the package is the one that matters).
     */
    public static Optional<Reading> read(Path thermalRoot) {
        List<Reading> cpu = new ArrayList<>();
        List<Reading> any = new ArrayList<>();
        try (DirectoryStream<Path> zones = Files.newDirectoryStream(thermalRoot, "thermal_zone*")) {
            for (Path zone : zones) {
                zoneReading(zone).ifPresent(r -> {
                    any.add(r);
                    String type = r.zone().toLowerCase(java.util.Locale.ROOT);
                    if (type.contains("cpu") || type.contains("pkg") || type.contains("soc")) {
                        cpu.add(r);
                    }
                });
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        List<Reading> pick = cpu.isEmpty() ? any : cpu;
        return pick.stream().max(java.util.Comparator.comparingDouble(Reading::celsius));
    }

    private static Optional<Reading> zoneReading(Path zone) {
        try {
            String raw = Files.readString(zone.resolve("temp")).strip();
            double celsius = Long.parseLong(raw) / 1000.0;
            // Disconnected sensors report nonsense such as -273 or 0; skip them rather than alarm the owner.
            if (celsius <= 0 || celsius > 150) {
                return Optional.empty();
            }
            String type = Files.exists(zone.resolve("type")) ? Files.readString(zone.resolve("type")).strip()
                    : zone.getFileName().toString();
            return Optional.of(new Reading(celsius, type));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return Optional.empty(); // unreadable zones (EACCES, ENODATA) are common and not an error
        }
    }
}
