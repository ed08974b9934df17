package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's thermal zones as files in a temporary folder laid out like /sys/class/thermal. */
class CpuTemperatureTest {
    @TempDir
    Path sys;

    @Test
    void readsTheHottestCpuZoneInDegrees() throws Exception {
        zone(0, "acpitz", "27800");
        zone(1, "x86_pkg_temp", "61250");
        zone(2, "cpu-thermal", "58000");
        zone(3, "iwlwifi_1", "70000"); // hotter, but not the CPU

        CpuTemperature.Reading reading = CpuTemperature.read(sys).orElseThrow();

        assertThat(reading.celsius()).isEqualTo(61.25);
        assertThat(reading.zone()).isEqualTo("x86_pkg_temp");
    }

    @Test
    void fallsBackToAnyZoneAndSkipsBrokenSensors() throws Exception {
        zone(0, "acpitz", "45000");
        zone(1, "pch", "-273000"); // a disconnected sensor
        zone(2, "board", "not a number");

        assertThat(CpuTemperature.read(sys).orElseThrow().celsius()).isEqualTo(45.0);
    }

    @Test
    void saysNothingWhereThereIsNothingToRead() throws Exception {
        assertThat(CpuTemperature.read(sys)).isEmpty();
        assertThat(CpuTemperature.read(sys.resolve("missing"))).isEmpty();
        Files.createDirectories(sys.resolve("thermal_zone0")); // a zone without a temp file
        assertThat(CpuTemperature.read(sys)).isEmpty();
    }

    private void zone(int n, String type, String milliCelsius) throws Exception {
        Path zone = Files.createDirectories(sys.resolve("thermal_zone" + n));
        Files.writeString(zone.resolve("type"), type + "\n");
        Files.writeString(zone.resolve("temp"), milliCelsius + "\n");
    }
}
